using System.Net;
using System.Text.Json;
using Backend.Tests.Licensing;
using Dapper;
using EasyFacture.Licensing;

namespace Backend.Tests.Products;

/// <summary>Several products on one license server: catalog, per-product licenses, trials, codes, checks and statistics.</summary>
public sealed class ProductsTests(ProductsTests.Host host) : IClassFixture<ProductsTests.Host>
{
    public sealed class Host() : LicensingHost(("Licensing:MaxTrialsPerEmail", "1"));

    private LicensingHost L => host;

    private static string NewProductCode() => "p" + Guid.NewGuid().ToString("N")[..12];

    private async Task<string> CreateProductAsync(int trialDays = 14, string[]? licenseTypes = null, string? renewalUrl = null)
    {
        var code = NewProductCode();
        var response = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/products",
            new { code, name = $"Produit {code}", trial_days = trialDays, license_types = licenseTypes, renewal_url = renewalUrl });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return code;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> TrialAsync(string machine, string? product, string? email = null)
    {
        var response = await L.PostAsync("/api/v1/licenses/trial", new { machine_id = machine, email = email ?? LicensingHost.NewEmail(), product });
        return (response.StatusCode, await Json.ReadAsync(response));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ValidateAsync(string machine, string key, string? product)
    {
        var response = await L.PostAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = key, product });
        return (response.StatusCode, await Json.ReadAsync(response));
    }

    private async Task<string[]> CodesAsync(string? product, string type, int days)
    {
        var response = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes", new { product, license_type = type, duration_days = days });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
    }

    [Fact]
    public async Task The_catalog_is_created_listed_and_updated_by_admins_only()
    {
        var code = await CreateProductAsync(trialDays: 10, licenseTypes: ["annual"], renewalUrl: "https://exemple.fr/renouveler");

        var list = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/products"));
        var products = list.GetProperty("products").EnumerateArray().ToList();
        Assert.Contains(products, p => p.Str("code") == "easyfacture" && p.GetProperty("trial_days").GetInt32() == 30);
        var mine = products.Single(p => p.Str("code") == code);
        Assert.Equal(10, mine.GetProperty("trial_days").GetInt32());
        Assert.Equal(["annual"], mine.GetProperty("license_types").EnumerateArray().Select(t => t.GetString()));

        var again = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/products", new { code, name = "Autre", trial_days = 5 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        (await Json.ReadAsync(again)).AssertError("PRODUCT_EXISTS");

        var patched = await L.AdminAsync(HttpMethod.Patch, $"/api/v1/admin/products/{code}", new { trial_days = 21, renewal_url = "" });
        var updated = (await Json.ReadAsync(patched)).GetProperty("product");
        Assert.Equal(21, updated.GetProperty("trial_days").GetInt32());
        Assert.False(updated.TryGetProperty("renewal_url", out _));
        Assert.Equal($"Produit {code}", updated.Str("name"));

        var unknown = await L.AdminAsync(HttpMethod.Patch, "/api/v1/admin/products/inconnu", new { trial_days = 3 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        (await Json.ReadAsync(unknown)).AssertError("PRODUCT_NOT_FOUND");

        var bad = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/products", new { code = "Pas Bon", name = "", trial_days = 0, license_types = new[] { "forever" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badBody = await Json.ReadAsync(bad);
        badBody.AssertError("INVALID_REQUEST");
        Assert.Equal(["code", "license_types", "name", "trial_days"], badBody.GetProperty("details").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var anonymous = await L.Client.GetAsync("/api/v1/admin/products");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task One_machine_holds_a_license_of_each_product_and_each_key_validates_only_for_its_product()
    {
        var other = await CreateProductAsync(trialDays: 14);
        var machine = LicensingHost.NewMachineId();
        var email = LicensingHost.NewEmail();

        var (defaultStatus, defaultTrial) = await TrialAsync(machine, null, email);
        var (otherStatus, otherTrial) = await TrialAsync(machine, other, email);

        Assert.Equal(HttpStatusCode.Created, defaultStatus);
        Assert.Equal(HttpStatusCode.Created, otherStatus);
        Assert.Equal(30, defaultTrial.GetProperty("days_remaining").GetInt32());
        Assert.Equal(14, otherTrial.GetProperty("days_remaining").GetInt32());
        await using (var connection = await L.Database.DataSource.OpenConnectionAsync())
        {
            var rows = await connection.QueryAsync<string>("SELECT product FROM licenses WHERE machine_id = @machine ORDER BY product", new { machine });
            Assert.Equal(new[] { "easyfacture", other }.Order(StringComparer.Ordinal), rows);
        }

        var (_, valid) = await ValidateAsync(machine, otherTrial.Str("license_key"), other);
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        var (_, validDefault) = await ValidateAsync(machine, defaultTrial.Str("license_key"), null);
        Assert.True(validDefault.GetProperty("valid").GetBoolean(), validDefault.ToString());

        // A key of one product presented for another: refused, whichever way round.
        var (status, crossed) = await ValidateAsync(machine, otherTrial.Str("license_key"), null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(crossed.GetProperty("valid").GetBoolean());
        Assert.Equal("LICENSE_PRODUCT_MISMATCH", crossed.Str("error"));
        var (_, crossedBack) = await ValidateAsync(machine, defaultTrial.Str("license_key"), other);
        Assert.Equal("LICENSE_PRODUCT_MISMATCH", crossedBack.Str("error"));

        var heartbeat = await L.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = otherTrial.Str("license_key"), app_version = "2.0.0" });
        Assert.Equal(HttpStatusCode.BadRequest, heartbeat.StatusCode);
        (await Json.ReadAsync(heartbeat)).AssertError("LICENSE_PRODUCT_MISMATCH");
        var goodHeartbeat = await L.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = otherTrial.Str("license_key"), app_version = "2.0.0", product = other });
        Assert.Equal(HttpStatusCode.OK, goodHeartbeat.StatusCode);

        // Revoking one product's license leaves the other's alone.
        var revoke = await L.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}?product={other}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var (_, revoked) = await ValidateAsync(machine, otherTrial.Str("license_key"), other);
        Assert.Equal("LICENSE_REVOKED", revoked.Str("error"));
        var (_, stillValid) = await ValidateAsync(machine, defaultTrial.Str("license_key"), null);
        Assert.True(stillValid.GetProperty("valid").GetBoolean());

        var search = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?product={other}"));
        var found = Assert.Single(search.GetProperty("licenses").EnumerateArray());
        Assert.Equal(machine, found.Str("machine_id"));
        Assert.Equal("revoked", found.Str("status"));
    }

    [Fact]
    public async Task Trials_are_limited_per_machine_and_product_and_per_email_and_product_with_the_products_length()
    {
        var first = await CreateProductAsync(trialDays: 7);
        var second = await CreateProductAsync(trialDays: 60);
        var machine = LicensingHost.NewMachineId();
        var email = LicensingHost.NewEmail();

        var (created, trial) = await TrialAsync(machine, first, email);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(7, trial.GetProperty("days_remaining").GetInt32());
        var claims = new LicenseVerifier([await PublicKeyAsync()]).VerifySignature(trial.Str("license_key"), machine).Claims!;
        Assert.Equal(first, claims.Product);

        // Same machine, same product: the one trial it had.
        var (again, conflict) = await TrialAsync(machine, first, LicensingHost.NewEmail());
        Assert.Equal(HttpStatusCode.Conflict, again);
        conflict.AssertError("TRIAL_ALREADY_EXISTS");
        Assert.Equal(7, conflict.GetProperty("existing_license").GetProperty("days_remaining").GetInt32());

        // Same email (cap 1 per product), another machine: refused for that product, allowed for another one.
        var (capped, capBody) = await TrialAsync(LicensingHost.NewMachineId(), first, email);
        Assert.Equal(HttpStatusCode.Conflict, capped);
        capBody.AssertError("TRIAL_LIMIT_REACHED");
        var (secondStatus, secondTrial) = await TrialAsync(LicensingHost.NewMachineId(), second, email);
        Assert.Equal(HttpStatusCode.Created, secondStatus);
        Assert.Equal(60, secondTrial.GetProperty("days_remaining").GetInt32());

        var (unknown, unknownBody) = await TrialAsync(LicensingHost.NewMachineId(), "inconnu", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        unknownBody.AssertError("INVALID_REQUEST");
        Assert.Equal("produit inconnu", unknownBody.GetProperty("details").Str("product"));
    }

    [Fact]
    public async Task Activation_codes_belong_to_a_product_and_activate_only_its_license()
    {
        var product = await CreateProductAsync(trialDays: 14, licenseTypes: ["annual", "lifetime"]);
        var machine = LicensingHost.NewMachineId();
        await TrialAsync(machine, product);
        var code = (await CodesAsync(product, "annual", 365)).Single();

        // Presented without the product (default easyfacture) or for another product: an invalid code.
        var wrong = await L.PostAsync("/api/v1/licenses/activate", new { machine_id = machine, activation_code = code, email = LicensingHost.NewEmail() });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        (await Json.ReadAsync(wrong)).AssertError("INVALID_ACTIVATION_CODE");

        var right = await L.PostAsync("/api/v1/licenses/activate", new { machine_id = machine, activation_code = code, email = LicensingHost.NewEmail(), product });
        var activated = await Json.ReadAsync(right);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("annual", activated.Str("license_type"));
        var (_, valid) = await ValidateAsync(machine, activated.Str("license_key"), product);
        Assert.Equal("annual", valid.Str("license_type"));

        await using var connection = await L.Database.DataSource.OpenConnectionAsync();
        var licenses = (await connection.QueryAsync<(string Product, string Type)>(
            "SELECT product, license_type FROM licenses WHERE machine_id = @machine", new { machine })).ToList();
        Assert.Equal([(product, "annual")], licenses);

        // The product grants annual and lifetime only.
        var monthly = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes", new { product, license_type = "monthly", duration_days = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, monthly.StatusCode);
        Assert.True((await Json.ReadAsync(monthly)).GetProperty("details").TryGetProperty("license_type", out _));
        var unknown = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes", new { product = "inconnu", license_type = "annual", duration_days = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task An_expired_license_points_at_its_products_renewal_url()
    {
        var product = await CreateProductAsync(trialDays: 1, renewalUrl: "https://exemple.fr/renouveler-produit");
        var machine = LicensingHost.NewMachineId();
        var (_, trial) = await TrialAsync(machine, product);
        await using (var connection = await L.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE licenses SET created_at = created_at - interval '3 days', expires_at = created_at - interval '1 day' WHERE machine_id = @machine", new { machine });
        }
        await L.LicenseCopyCaughtUpAsync();

        var (_, expired) = await ValidateAsync(machine, trial.Str("license_key"), product);

        Assert.Equal("LICENSE_EXPIRED", expired.Str("error"));
        Assert.Equal("https://exemple.fr/renouveler-produit", expired.Str("renewal_url"));
    }

    [Fact]
    public async Task Statistics_are_split_by_product_with_each_versions_machines()
    {
        var product = await CreateProductAsync(trialDays: 14);
        foreach (var version in new[] { "1.0.0", "1.1.0", "1.1.0" })
        {
            var machine = LicensingHost.NewMachineId();
            var (_, trial) = await TrialAsync(machine, product);
            var heartbeat = await L.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = trial.Str("license_key"), app_version = version, product });
            Assert.Equal(HttpStatusCode.OK, heartbeat.StatusCode);
        }

        var stats = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats"));

        var mine = stats.GetProperty("products").EnumerateArray().Single(p => p.Str("product") == product);
        Assert.Equal(3, mine.GetProperty("trials_started").GetInt64());
        Assert.Equal(3, mine.GetProperty("machines_seen_30d").GetInt64());
        var byType = Assert.Single(mine.GetProperty("licenses").EnumerateArray());
        Assert.Equal(("trial", "active", 3L), (byType.Str("license_type"), byType.Str("status"), byType.GetProperty("count").GetInt64()));
        Assert.Equal([("1.1.0", 2L), ("1.0.0", 1L)],
            mine.GetProperty("app_versions").EnumerateArray().Select(v => (v.Str("version"), v.GetProperty("machines").GetInt64())));
        Assert.Contains(stats.GetProperty("products").EnumerateArray(), p => p.Str("product") == "easyfacture");
    }

    [Fact]
    public async Task Statistics_of_one_product_count_that_products_licenses_only()
    {
        var first = await CreateProductAsync(trialDays: 14);
        var second = await CreateProductAsync(trialDays: 14);
        var revoked = "";
        foreach (var (product, version) in new[] { (first, "2.0.0"), (first, "2.1.0"), (second, "5.0.0") })
        {
            var machine = LicensingHost.NewMachineId();
            var (_, trial) = await TrialAsync(machine, product);
            var heartbeat = await L.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = trial.Str("license_key"), app_version = version, product });
            Assert.Equal(HttpStatusCode.OK, heartbeat.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ValidateAsync(machine, trial.Str("license_key"), product)).Status);
            revoked = product == second ? machine : revoked;
        }
        var code = (await CodesAsync(first, "annual", 365))[0];
        var buyer = LicensingHost.NewMachineId();
        var (_, buyerTrial) = await TrialAsync(buyer, first);
        Assert.Equal(HttpStatusCode.OK, (await L.PostAsync("/api/v1/licenses/activate",
            new { machine_id = buyer, email = LicensingHost.NewEmail(), activation_code = code, product = first })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await L.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{revoked}?product={second}", new { reason = "test" })).StatusCode);

        var firstStats = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/stats?days=30&product={first}"));
        var secondStats = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/stats?product={second}&days=30"));

        Assert.Equal([("annual", "active", 1L), ("trial", "active", 2L)], Counts(firstStats.GetProperty("licenses")));
        Assert.Equal([("trial", "revoked", 1L)], Counts(secondStats.GetProperty("licenses")));
        Assert.Equal((3L, 1L), Trials(firstStats));
        Assert.Equal((1L, 0L), Trials(secondStats));
        Assert.Equal(2, firstStats.GetProperty("machines_seen").GetProperty("last30d").GetInt64());
        Assert.Equal(1, secondStats.GetProperty("machines_seen").GetProperty("last24h").GetInt64());
        Assert.Equal(["2.0.0|1", "2.1.0|1"], firstStats.GetProperty("app_versions").EnumerateArray().Select(v => $"{v.Str("value")}|{v.GetProperty("machines").GetInt64()}"));
        Assert.Equal(["5.0.0|1"], secondStats.GetProperty("app_versions").EnumerateArray().Select(v => $"{v.Str("value")}|{v.GetProperty("machines").GetInt64()}"));
        Assert.Equal(1, secondStats.GetProperty("revocations_per_day").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64()));
        Assert.Equal(0, firstStats.GetProperty("revocations_per_day").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64()));
        Assert.Equal([first], firstStats.GetProperty("products").EnumerateArray().Select(p => p.Str("product")));
        var all = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats?days=30"));
        Assert.Contains(all.GetProperty("products").EnumerateArray(), p => p.Str("product") == second);
        Assert.True(all.GetProperty("products").GetArrayLength() >= 3);

        var unknown = await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats?product=inconnu");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        (await Json.ReadAsync(unknown)).AssertError("PRODUCT_NOT_FOUND");
        var malformed = await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats?product=Pas%20un%20code");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["product"], (await Json.ReadAsync(malformed)).GetProperty("details").EnumerateObject().Select(p => p.Name));

        static List<(string, string, long)> Counts(JsonElement licenses) =>
            licenses.EnumerateArray().Select(l => (l.Str("license_type"), l.Str("status"), l.GetProperty("count").GetInt64())).ToList();
        static (long, long) Trials(JsonElement stats) => (
            stats.GetProperty("trials_per_week").EnumerateArray().Sum(w => w.GetProperty("created").GetInt64()),
            stats.GetProperty("trials_per_week").EnumerateArray().Sum(w => w.GetProperty("converted").GetInt64()));
    }

    [Fact]
    public async Task The_admin_detail_of_a_machine_with_two_products_opens_either_license()
    {
        var product = await CreateProductAsync();
        var machine = LicensingHost.NewMachineId();
        Assert.Equal(HttpStatusCode.Created, (await TrialAsync(machine, "easyfacture")).Status);
        Assert.Equal(HttpStatusCode.Created, (await TrialAsync(machine, product)).Status);

        var byDefault = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses/{machine}"));
        var other = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses/{machine}?product={product}"));

        Assert.Equal("easyfacture", byDefault.GetProperty("license").Str("product"));
        Assert.Equal(product, other.GetProperty("license").Str("product"));
        Assert.Equal(product, other.GetProperty("key").Str("product"));
        Assert.Equal(new[] { "easyfacture", product }.Order(StringComparer.Ordinal), other.GetProperty("machine_products").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses/{machine}?product=autre")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses/{machine}?product=Autre%20produit")).StatusCode);
    }

    [Fact]
    public async Task Activation_codes_are_listed_with_their_product_and_filtered_by_it()
    {
        var first = await CreateProductAsync();
        var second = await CreateProductAsync();
        var firstCodes = await CodesAsync(first, "annual", 365);
        var secondCodes = await CodesAsync(second, "monthly", 31);

        var list = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, $"/api/v1/admin/activation-codes?product={first}"));

        Assert.Equal(firstCodes, list.GetProperty("codes").EnumerateArray().Select(c => c.Str("code")));
        Assert.All(list.GetProperty("codes").EnumerateArray(), c => Assert.Equal(first, c.Str("product")));
        var all = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/activation-codes?page_size=200"));
        Assert.Contains(all.GetProperty("codes").EnumerateArray(), c => c.Str("code") == secondCodes[0] && c.Str("product") == second);
        var bad = await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/activation-codes?product=%00");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<string> PublicKeyAsync()
    {
        var keys = await Json.ReadAsync(await L.Client.GetAsync("/api/v1/licenses/public-key"));
        return keys.GetProperty("keys")[0].Str("public_key_pem");
    }
}
