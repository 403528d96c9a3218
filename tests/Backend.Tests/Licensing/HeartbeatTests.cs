using System.Net;
using Dapper;

namespace Backend.Tests.Licensing;

public sealed class HeartbeatTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task Records_version_and_os_then_allows_one_per_24_hours_per_machine()
    {
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");

        var first = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key, app_version = "1.6.0", os_info = "Windows 11 Pro" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await Json.ReadAsync(first);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Heartbeat enregistré", body.Str("message"));
        Assert.True(DateTimeOffset.TryParse(body.Str("last_check"), out _));
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            var row = await connection.QuerySingleAsync<(string AppVersion, string OsInfo, long Heartbeats)>("""
                SELECT l.app_version, l.os_info, (SELECT count(*) FROM heartbeats h WHERE h.license_id = l.id)
                FROM licenses l WHERE machine_id = @machine
                """, new { machine });
            Assert.Equal(("1.6.0", "Windows 11 Pro", 1L), row);
        }

        // Another address does not help: the limit is per machine.
        var second = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key, app_version = "1.6.1" });

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var limited = await Json.ReadAsync(second);
        limited.AssertError("RATE_LIMIT_EXCEEDED");
        var retryAfter = limited.GetProperty("retry_after").GetInt32();
        Assert.InRange(retryAfter, 86_000, 86_400);
        Assert.Equal(retryAfter.ToString(), second.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_bad_key_does_not_spend_the_machines_heartbeat()
    {
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");

        var garbage = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = "garbage" });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        (await Json.ReadAsync(garbage)).AssertError("INVALID_LICENSE_KEY");

        var foreignKey = (await host.TrialAsync(LicensingHost.NewMachineId())).Str("license_key");
        var mismatch = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = foreignKey });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        (await Json.ReadAsync(mismatch)).AssertError("LICENSE_MACHINE_MISMATCH");

        var genuine = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key });
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task A_genuine_key_of_a_missing_license_is_not_found()
    {
        using var signer = System.Security.Cryptography.ECDsa.Create();
        signer.ImportPkcs8PrivateKey(Convert.FromBase64String(host.Factory.SigningPrivateKey), out _);
        var machine = LicensingHost.NewMachineId();
        var key = EasyFacture.Licensing.LicenseKeyFormat.Encode(ValidateTests.Claims(555_555, machine, EasyFacture.Licensing.LicenseKeyFormat.KeyIdOf(signer)), signer);

        var response = await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        (await Json.ReadAsync(response)).AssertError("LICENSE_NOT_FOUND");
    }

    [Theory]
    [InlineData("""{"license_key":"EF1.a.b"}""", "MACHINE_ID_REQUIRED", "machine_id")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","license_key":"EF1.a.b","os_info":{"name":"Windows"}}""", "INVALID_REQUEST", "os_info")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","license_key":"EF1.a.b","app_version":"1.6.0-with-a-very-long-suffix"}""", "INVALID_REQUEST", "app_version")]
    public async Task Bad_input_is_a_400_naming_the_field(string raw, string code, string field)
    {
        var response = await host.PostRawAsync("/api/v1/licenses/heartbeat", raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError(code);
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
    }
}
