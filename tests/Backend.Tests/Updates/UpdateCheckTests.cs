using System.Net;
using System.Security.Cryptography;
using Backend.Core.Updates;
using Backend.Tests.Licensing;
using Dapper;
using EasyFacture.Licensing;

namespace Backend.Tests.Updates;

/// <summary>Releases published by admins, answered to clients as manifests signed with the license key, in staged rollouts.</summary>
public sealed class UpdateCheckTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    private static readonly string Sha = Convert.ToHexStringLower(SHA256.HashData("installer"u8));

    private async Task<string> CreateProductAsync()
    {
        var code = "p" + Guid.NewGuid().ToString("N")[..12];
        var response = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/products", new { code, name = code, trial_days = 14 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private async Task PublishAsync(string product, string version, int rollout = 100, string channel = "stable", string? minVersion = null)
    {
        var response = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/releases", new
        {
            product, channel, version, url = $"https://telechargement.exemple.fr/{product}-{version}.msi", sha256 = Sha, size = 9,
            notes = $"Nouveautés de la {version}", min_version = minVersion, rollout_percent = rollout,
        });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
    }

    private Task<HttpResponseMessage> CheckAsync(string product, string current, string machine, string channel = "stable") =>
        host.Client.GetAsync($"/api/v1/updates/{product}?channel={channel}&current={current}&machine_id={machine}");

    private async Task<LicenseVerifier> VerifierAsync()
    {
        var keys = await Json.ReadAsync(await host.Client.GetAsync("/api/v1/licenses/public-key"));
        return new LicenseVerifier(keys.GetProperty("keys").EnumerateArray().Select(k => k.Str("public_key_pem")));
    }

    [Fact]
    public async Task A_client_behind_gets_the_newest_release_as_a_manifest_it_verifies_offline_and_an_up_to_date_client_gets_204()
    {
        var product = await CreateProductAsync();
        await PublishAsync(product, "1.6.0");
        await PublishAsync(product, "1.10.0", minVersion: "1.5.0");
        await PublishAsync(product, "1.9.3");
        await PublishAsync(product, "2.0.0", channel: "beta");
        var machine = LicensingHost.NewMachineId();

        var response = await CheckAsync(product, "1.6.0", machine);

        var body = await Json.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var verifier = await VerifierAsync();
        var check = verifier.VerifyReleaseManifest(body.Str("manifest"), body.Str("signature"), body.Str("key_id"));
        Assert.Equal(ReleaseManifestCheck.Valid, check.Result);
        var manifest = check.Manifest!;
        Assert.Equal(("1.10.0", product, "stable", "1.5.0", 9L, Sha), (manifest.Version, manifest.Product, manifest.Channel, manifest.MinVersion, manifest.Size, manifest.Sha256));
        Assert.Equal($"https://telechargement.exemple.fr/{product}-1.10.0.msi", manifest.Url);
        Assert.True(manifest.IsInstaller(new MemoryStream("installer"u8.ToArray())));
        Assert.False(manifest.IsInstaller(new MemoryStream("installeR"u8.ToArray())));

        Assert.Equal(HttpStatusCode.NoContent, (await CheckAsync(product, "1.10.0", machine)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await CheckAsync(product, "1.10", machine)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await CheckAsync(product, "3.0.0", machine)).StatusCode);
        var beta = await Json.ReadAsync(await CheckAsync(product, "1.10.0", machine, "beta"));
        Assert.Equal("2.0.0", verifier.VerifyReleaseManifest(beta.Str("manifest"), beta.Str("signature"), beta.Str("key_id")).Manifest!.Version);
    }

    [Fact]
    public async Task A_staged_rollout_answers_exactly_the_machines_of_its_buckets_and_falls_back_to_the_previous_full_release()
    {
        var product = await CreateProductAsync();
        await PublishAsync(product, "1.1.0", rollout: 100);
        await PublishAsync(product, "1.2.0", rollout: 30);
        using var verifier = await VerifierAsync();

        var machines = Enumerable.Range(0, 60).Select(_ => LicensingHost.NewMachineId()).ToList();
        foreach (var machine in machines)
        {
            var body = await Json.ReadAsync(await CheckAsync(product, "1.0.0", machine));
            var version = verifier.VerifyReleaseManifest(body.Str("manifest"), body.Str("signature"), body.Str("key_id")).Manifest!.Version;
            Assert.Equal(RolloutBucket.Of(product, machine) < 30 ? "1.2.0" : "1.1.0", version);

            // On 1.1.0 already: the new release or nothing.
            var fromCurrent = await CheckAsync(product, "1.1.0", machine);
            Assert.Equal(RolloutBucket.Of(product, machine) < 30 ? HttpStatusCode.OK : HttpStatusCode.NoContent, fromCurrent.StatusCode);
        }
    }

    [Fact]
    public async Task Widening_a_rollout_keeps_the_machines_already_inside_and_adds_the_others()
    {
        var product = await CreateProductAsync();
        await PublishAsync(product, "2.0.0", rollout: 0);
        var id = (await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/releases?product={product}"))).GetProperty("releases")[0].GetProperty("id").GetInt64();
        var machines = Enumerable.Range(0, 30).Select(_ => LicensingHost.NewMachineId()).ToList();
        foreach (var machine in machines)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await CheckAsync(product, "1.0.0", machine)).StatusCode);
        }

        var widened = await host.AdminAsync(HttpMethod.Patch, $"/api/v1/admin/releases/{id}", new { rollout_percent = 100 });

        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        Assert.Equal(100, (await Json.ReadAsync(widened)).GetProperty("release").GetProperty("rollout_percent").GetInt32());
        foreach (var machine in machines)
        {
            Assert.Equal(HttpStatusCode.OK, (await CheckAsync(product, "1.0.0", machine)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await host.AdminAsync(HttpMethod.Patch, "/api/v1/admin/releases/999999999", new { rollout_percent = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.AdminAsync(HttpMethod.Patch, $"/api/v1/admin/releases/{id}", new { rollout_percent = 101 })).StatusCode);
    }

    [Fact]
    public void Rollout_buckets_are_stable_and_proportional_over_10000_machine_ids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))).ToList();
        foreach (var percent in new[] { 1, 5, 10, 25, 50, 75, 90 })
        {
            var share = ids.Count(id => RolloutBucket.IsIn("easyfacture", id, percent)) / 100.0;
            Assert.InRange(share, percent - 2, percent + 2);
        }
        Assert.Equal(ids.Select(id => RolloutBucket.Of("easyfacture", id)), ids.Select(id => RolloutBucket.Of("easyfacture", id)));
        Assert.All(ids, id => Assert.InRange(RolloutBucket.Of("easyfacture", id), 0, 99));
        Assert.DoesNotContain(ids, id => RolloutBucket.IsIn("easyfacture", id, 0));
        Assert.Equal(ids.Count, ids.Count(id => RolloutBucket.IsIn("easyfacture", id, 100)));
        // A machine inside at 10 % stays inside at every larger share.
        Assert.All(ids.Where(id => RolloutBucket.IsIn("easyfacture", id, 10)), id => Assert.True(RolloutBucket.IsIn("easyfacture", id, 50)));
    }

    [Fact]
    public async Task Releases_list_their_adoption_from_heartbeats()
    {
        var product = await CreateProductAsync();
        await PublishAsync(product, "1.0.0");
        await PublishAsync(product, "1.1.0");
        foreach (var version in new[] { "1.1.0", "1.1.0", "1.0.0" })
        {
            var machine = LicensingHost.NewMachineId();
            var trial = await host.PostAsync("/api/v1/licenses/trial", new { machine_id = machine, email = LicensingHost.NewEmail(), product });
            var key = (await Json.ReadAsync(trial)).Str("license_key");
            var heartbeat = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key, app_version = version, product });
            Assert.Equal(HttpStatusCode.OK, heartbeat.StatusCode);
        }

        var list = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/releases?product={product}"));

        Assert.Equal([("1.1.0", 2L), ("1.0.0", 1L)],
            list.GetProperty("releases").EnumerateArray().Select(r => (r.Str("version"), r.GetProperty("machines").GetInt64())));
    }

    [Fact]
    public async Task Adoption_counts_each_machines_latest_heartbeat_over_7_and_30_days_against_the_products_machines()
    {
        var product = await CreateProductAsync();
        await PublishAsync(product, "3.0.0");
        await PublishAsync(product, "3.1.0");
        // (version, days since the machine's latest heartbeat): 10 days counts for 30 days only, 40 days for neither.
        foreach (var (version, daysAgo) in new[] { ("3.1.0", 0), ("3.1.0", 10), ("3.1.0", 40), ("3.0.0", 0), ("2.9.0", 0) })
        {
            var machine = LicensingHost.NewMachineId();
            var trial = await host.PostAsync("/api/v1/licenses/trial", new { machine_id = machine, email = LicensingHost.NewEmail(), product });
            var key = (await Json.ReadAsync(trial)).Str("license_key");
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key, app_version = version, product })).StatusCode);
            await using var connection = await host.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("UPDATE licenses SET last_heartbeat_at = last_heartbeat_at - make_interval(days => @daysAgo) WHERE machine_id = @machine AND product = @product",
                new { daysAgo, machine, product });
        }
        // An upgrade moves a machine: its older version loses it.
        var upgraded = LicensingHost.NewMachineId();
        var upgradedKey = (await Json.ReadAsync(await host.PostAsync("/api/v1/licenses/trial", new { machine_id = upgraded, email = LicensingHost.NewEmail(), product }))).Str("license_key");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = upgraded, license_key = upgradedKey, app_version = "3.0.0", product })).StatusCode);
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE licenses SET app_version = '3.1.0' WHERE machine_id = @upgraded", new { upgraded });
        }

        var list = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/releases?product={product}"));

        Assert.Equal(["3.1.0: 3/5 (7 j: 2/4)", "3.0.0: 1/5 (7 j: 1/4)"],
            list.GetProperty("releases").EnumerateArray().Select(r =>
                $"{r.Str("version")}: {r.GetProperty("machines").GetInt64()}/{r.GetProperty("product_machines").GetInt64()} " +
                $"(7 j: {r.GetProperty("machines_7d").GetInt64()}/{r.GetProperty("product_machines_7d").GetInt64()})"));
    }

    [Fact]
    public async Task Bad_publications_and_checks_are_documented_errors()
    {
        var product = await CreateProductAsync();
        await PublishAsync(product, "1.0.0");

        var twice = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/releases",
            new { product, version = "1.0.0", url = "https://exemple.fr/a.msi", sha256 = Sha, size = 9 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        (await Json.ReadAsync(twice)).AssertError("RELEASE_EXISTS");

        var bad = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/releases",
            new { product = "inconnu", version = "1.x", url = "http://exemple.fr/a.msi", sha256 = "zz", size = 0, rollout_percent = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await Json.ReadAsync(bad)).GetProperty("details");
        Assert.Equal(["rollout_percent", "sha256", "size", "url", "version"], details.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var machine = LicensingHost.NewMachineId();
        var unknown = await CheckAsync("inconnu", "1.0.0", machine);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        (await Json.ReadAsync(unknown)).AssertError("PRODUCT_NOT_FOUND");
        var noMachine = await host.Client.GetAsync($"/api/v1/updates/{product}?current=1.0.0");
        (await Json.ReadAsync(noMachine)).AssertError("MACHINE_ID_REQUIRED");
        var badMachine = await host.Client.GetAsync($"/api/v1/updates/{product}?current=1.0.0&machine_id=a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6");
        (await Json.ReadAsync(badMachine)).AssertError("INVALID_MACHINE_ID");
        var badVersion = await host.Client.GetAsync($"/api/v1/updates/{product}?current=latest&machine_id={machine}&x=1");
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
        var badBody = await Json.ReadAsync(badVersion);
        badBody.AssertError("INVALID_REQUEST");
        Assert.Equal(["current", "x"], badBody.GetProperty("details").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/v1/admin/releases")).StatusCode);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_events WHERE action = 'release.published' AND subject = @subject",
            new { subject = $"{product}/stable/1.0.0" }));
    }
}
