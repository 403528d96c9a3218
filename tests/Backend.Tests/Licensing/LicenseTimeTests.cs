using System.Net;
using System.Text.Json;
using Backend.Core.Licensing;
using Backend.Tests.Foundation;
using Dapper;
using EasyFacture.Licensing;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Licensing;

/// <summary>Seed 000's times: UTC with Z in whole seconds, expiry at 23:59:59Z of the last day, days_remaining to match.</summary>
public sealed class LicenseTimeTests
{
    [Fact]
    public async Task Every_time_of_every_license_answer_is_utc_with_z_in_whole_seconds_and_error_timestamps_in_milliseconds()
    {
        await using var host = LicensingHost.With(("Licensing:RenewalUrl", "https://easyfacture.example/renouveler"));
        await host.InitializeAsync();
        var bodies = new List<(string What, JsonElement Body)>();
        async Task<JsonElement> Keep(string what, HttpResponseMessage response)
        {
            var body = await Json.ReadAsync(response);
            bodies.Add((what, body));
            return body;
        }

        var machine = LicensingHost.NewMachineId();
        var trial = await host.TrialAsync(machine);
        bodies.Add(("trial", trial));
        await Keep("trial again (409 existing_license)", await host.PostAsync("/api/v1/licenses/trial", new { machine_id = machine, email = LicensingHost.NewEmail() }));
        await Keep("validate", await host.PostAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = trial.Str("license_key") }));
        await Keep("heartbeat", await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = trial.Str("license_key") }));
        await Keep("activation codes", await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes",
            new { license_type = "annual", duration_days = 365, count = 1, expires_at = "2099-06-30T12:00:00.5+02:00" }));
        var paidMachine = LicensingHost.NewMachineId();
        var codes = await host.CreateCodesAsync("annual", 365);
        bodies.Add(("activate", await host.ActivateAsync(paidMachine, codes[0])));
        await Keep("revoke", await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{paidMachine}?reason=test"));
        var paidKey = bodies.Single(b => b.What == "activate").Body.Str("license_key");
        await Keep("validate revoked", await host.PostAsync("/api/v1/licenses/validate", new { machine_id = paidMachine, license_key = paidKey }));
        await Keep("search", await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/licenses"));
        await Keep("stats", await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats?days=7"));
        await Keep("400", await host.PostRawAsync("/api/v1/licenses/validate", "{"));
        await Keep("401", await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/licenses", key: "wrong-key-wrong-key-wrong-key-wrong-key"));
        await Keep("404", await host.PostAsync("/api/v1/licenses/validate", new { machine_id = LicensingHost.NewMachineId(), license_key = "EF1.x.y" }));
        host.Clock.Advance(TimeSpan.FromDays(31));
        await Keep("validate expired", await host.PostAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = trial.Str("license_key") }));

        var seen = new HashSet<string>();
        foreach (var (what, body) in bodies)
        {
            CollectTimeMembers(body, seen);
            Assert.True(TimeFormats.AssertAll(body, TimeFormats.LicenseApi) >= 0, what);
        }
        // The walk saw the members the seed shows, so a renamed or dropped member cannot make it vacuous.
        foreach (var member in new[] { "expires_at", "expired_at", "revoked_at", "last_check", "timestamp", "created_at", "trial_started_at", "since" })
        {
            Assert.Contains(member, seen);
        }
        Assert.Equal("2099-06-30T10:00:00Z", bodies.Single(b => b.What == "activation codes").Body.Str("expires_at"));
    }

    [Fact]
    public async Task A_license_ends_at_23_59_59_utc_of_its_last_day_with_days_remaining_counting_today()
    {
        await using var host = new LicensingHost();
        await host.InitializeAsync();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

        var trial = await host.TrialAsync(LicensingHost.NewMachineId());
        Assert.Equal($"{today.AddDays(29):yyyy-MM-dd}T23:59:59Z", trial.Str("expires_at"));
        Assert.Equal(30, trial.GetProperty("days_remaining").GetInt32());

        var machine = LicensingHost.NewMachineId();
        var annual = await host.ActivateAsync(machine, (await host.CreateCodesAsync("annual", 365))[0]);
        Assert.Equal($"{today.AddDays(364):yyyy-MM-dd}T23:59:59Z", annual.Str("expires_at"));
        Assert.Equal(365, annual.GetProperty("days_remaining").GetInt32());

        // Renewed early: the new period starts the day after the current one ends, no day lost or counted twice.
        var renewed = await host.ActivateAsync(machine, (await host.CreateCodesAsync("monthly", 30))[0]);
        Assert.Equal($"{today.AddDays(394):yyyy-MM-dd}T23:59:59Z", renewed.Str("expires_at"));
        Assert.Equal(395, renewed.GetProperty("days_remaining").GetInt32());

        // On its last day the license is still valid with 1 day left.
        var lastDayMachine = LicensingHost.NewMachineId();
        var lastDay = await host.TrialAsync(lastDayMachine);
        var untilLastDay = new DateTimeOffset(today.AddDays(29).ToDateTime(new TimeOnly(0, 0, 1)), TimeSpan.Zero) - host.Clock.GetUtcNow();
        host.Clock.Advance(untilLastDay);
        var (_, valid) = await host.ValidateAsync(lastDayMachine, lastDay.Str("license_key"));
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        Assert.Equal(1, valid.GetProperty("days_remaining").GetInt32());
        host.Clock.Advance(TimeSpan.FromDays(1));
        var (_, expired) = await host.ValidateAsync(lastDayMachine, lastDay.Str("license_key"));
        Assert.Equal("LICENSE_EXPIRED", expired.Str("error"));
        Assert.Equal(lastDay.Str("expires_at"), expired.Str("expired_at"));
    }

    [Fact]
    public async Task A_key_signed_before_the_end_of_day_rule_keeps_validating_online_and_offline()
    {
        await using var host = new LicensingHost();
        await host.InitializeAsync();
        var machine = LicensingHost.NewMachineId();
        var trial = await host.TrialAsync(machine);
        // What the server issued before: expiry 30 days after the request, at whatever second of the day that was.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(host.Clock.GetUtcNow().AddDays(-2).AddHours(-3).ToUnixTimeSeconds());
        var oldExpiry = issuedAt.AddDays(30);
        var signing = host.Factory.Services.GetRequiredService<LicenseSigningKeys>();
        long licenseId;
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            licenseId = await connection.ExecuteScalarAsync<long>("SELECT id FROM licenses WHERE machine_id = @machine", new { machine });
        }
        var oldKey = signing.Sign(new LicenseClaims
        {
            LicenseId = licenseId, MachineId = machine, LicenseType = "trial", Product = "easyfacture",
            IssuedAtUnix = issuedAt.ToUnixTimeSeconds(), ExpiresAtUnix = oldExpiry.ToUnixTimeSeconds(), KeyId = signing.CurrentKeyId,
        });
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE licenses SET license_key = @oldKey, expires_at = @oldExpiry WHERE id = @licenseId",
                new { oldKey, oldExpiry, licenseId });
        }
        Assert.NotEqual(trial.Str("license_key"), oldKey);
        await host.LicenseCopyCaughtUpAsync();

        var (status, body) = await host.ValidateAsync(machine, oldKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("valid").GetBoolean(), body.ToString());
        Assert.Equal(oldExpiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), body.Str("expires_at"));
        Assert.Equal(28, body.GetProperty("days_remaining").GetInt32());
        Assert.False(body.TryGetProperty("license_key", out _));
        var pem = (await Json.ReadAsync(await host.Client.GetAsync("/api/v1/licenses/public-key"))).GetProperty("keys")[0].Str("public_key_pem");
        using var verifier = new LicenseVerifier([pem]);
        Assert.Equal(LicenseCheck.Valid, verifier.Verify(oldKey, machine, host.Clock.GetUtcNow(), TimeSpan.Zero).Result);
    }

    private static void CollectTimeMembers(JsonElement json, HashSet<string> seen)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 10 && property.Value.GetString()![10] == 'T')
                {
                    seen.Add(property.Name);
                }
                CollectTimeMembers(property.Value, seen);
            }
        }
        else if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
            {
                CollectTimeMembers(item, seen);
            }
        }
    }
}
