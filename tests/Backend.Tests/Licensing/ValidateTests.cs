using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Backend.Tests.Infrastructure;
using Dapper;
using EasyFacture.Licensing;

namespace Backend.Tests.Licensing;

public sealed class ValidateTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task A_genuine_trial_key_is_valid_with_the_seeds_fields()
    {
        var machine = LicensingHost.NewMachineId();
        var email = LicensingHost.NewEmail();
        var trial = await host.TrialAsync(machine, email);

        var (status, body) = await host.ValidateAsync(machine, trial.Str("license_key"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal("trial", body.Str("license_type"));
        Assert.Equal(trial.Str("expires_at"), body.Str("expires_at"));
        Assert.Equal(30, body.GetProperty("days_remaining").GetInt32());
        Assert.True(body.GetProperty("is_active").GetBoolean());
        Assert.Equal(email, body.Str("customer_email"));
        Assert.False(body.TryGetProperty("license_key", out _));
    }

    [Fact]
    public async Task Validation_is_recorded_in_the_history_and_last_validated_at()
    {
        var machine = LicensingHost.NewMachineId();
        var trial = await host.TrialAsync(machine);

        await host.ValidateAsync(machine, trial.Str("license_key"));
        await host.ValidateAsync(machine, trial.Str("license_key"));

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var recorded = await Eventually.MatchAsync(
            () => connection.QuerySingleAsync<(long Validations, DateTimeOffset? LastValidatedAt)>("""
                SELECT (SELECT count(*) FROM activations a WHERE a.license_id = l.id AND a.action_type = 'validated'), l.last_validated_at
                FROM licenses l WHERE machine_id = @machine
                """, new { machine }),
            r => r.Validations == 2 && r.LastValidatedAt is not null,
            TimeSpan.FromSeconds(10));
        Assert.InRange(recorded.LastValidatedAt!.Value, host.Clock.GetUtcNow().AddMinutes(-1), host.Clock.GetUtcNow().AddSeconds(1));
    }

    [Fact]
    public async Task After_revocation_validate_answers_revoked_at_once()
    {
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");
        Assert.True((await host.ValidateAsync(machine, key)).Body.GetProperty("valid").GetBoolean());

        var revoke = await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "fraude" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var (status, body) = await host.ValidateAsync(machine, key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("LICENSE_REVOKED", body.Str("error"));
        Assert.True(DateTimeOffset.TryParse(body.Str("revoked_at"), out _));
    }

    [Fact]
    public async Task A_superseded_trial_key_still_validates_and_carries_the_current_key()
    {
        var machine = LicensingHost.NewMachineId();
        var trialKey = (await host.TrialAsync(machine)).Str("license_key");
        var annual = await host.ActivateAsync(machine, (await host.CreateCodesAsync("annual", 365)).Single());

        var (_, body) = await host.ValidateAsync(machine, trialKey);

        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal("annual", body.Str("license_type"));
        Assert.Equal(annual.Str("license_key"), body.Str("license_key"));
    }

    [Fact]
    public async Task A_tampered_key_is_invalid()
    {
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");
        var parts = key.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"trial\"", "\"lifetime\"");
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var (status, body) = await host.ValidateAsync(machine, tampered);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("INVALID_LICENSE_KEY", body.Str("error"));
    }

    [Fact]
    public async Task A_key_presented_with_another_machines_id_is_a_mismatch()
    {
        var key = (await host.TrialAsync(LicensingHost.NewMachineId())).Str("license_key");

        var (status, body) = await host.ValidateAsync(LicensingHost.NewMachineId(), key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("LICENSE_MACHINE_MISMATCH", body.Str("error"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("EF1.not-base64!.x")]
    [InlineData("EF1..")]
    [InlineData("gAAAAABl...encrypted_license_data...")]
    [InlineData("EF1.eyJsaWQiOjF9.AAAA")]
    public async Task Garbage_is_invalid_never_a_server_error(string key)
    {
        var (status, body) = await host.ValidateAsync(LicensingHost.NewMachineId(), key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("INVALID_LICENSE_KEY", body.Str("error"));
    }

    [Fact]
    public async Task A_key_signed_by_a_foreign_key_is_invalid()
    {
        var machine = LicensingHost.NewMachineId();
        await host.TrialAsync(machine);
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = LicenseKeyFormat.Encode(Claims(1, machine, LicenseKeyFormat.KeyIdOf(foreign)), foreign);

        var (_, body) = await host.ValidateAsync(machine, forged);

        Assert.Equal("INVALID_LICENSE_KEY", body.Str("error"));
    }

    [Fact]
    public async Task A_genuine_key_for_a_license_that_does_not_exist_is_not_found()
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(host.Factory.SigningPrivateKey), out _);
        var machine = LicensingHost.NewMachineId();
        var orphan = LicenseKeyFormat.Encode(Claims(987_654_321, machine, LicenseKeyFormat.KeyIdOf(key)), key);

        var (status, body) = await host.ValidateAsync(machine, orphan);

        Assert.Equal(HttpStatusCode.NotFound, status);
        body.AssertError("LICENSE_NOT_FOUND");
    }

    [Theory]
    [InlineData("""{"license_key":"EF1.a.b"}""", "MACHINE_ID_REQUIRED", "machine_id")]
    [InlineData("""{"machine_id":"0123456789ABCDEF0123456789ABCDEZ","license_key":"EF1.a.b"}""", "INVALID_MACHINE_ID", "machine_id")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef"}""", "INVALID_REQUEST", "license_key")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","license_key":["EF1"]}""", "INVALID_REQUEST", "license_key")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","license_key":"EF1.a.b","extra":1}""", "INVALID_REQUEST", "extra")]
    [InlineData("""not json""", "INVALID_REQUEST", "body")]
    public async Task Bad_input_is_a_400_naming_the_field(string raw, string code, string field)
    {
        var response = await host.PostRawAsync("/api/v1/licenses/validate", raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError(code);
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task An_overlong_license_key_is_a_400_naming_it()
    {
        var response = await host.PostAsync("/api/v1/licenses/validate", new { machine_id = LicensingHost.NewMachineId(), license_key = new string('A', 2000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("details").TryGetProperty("license_key", out _));
    }

    internal static LicenseClaims Claims(long licenseId, string machine, string keyId) => new()
    {
        LicenseId = licenseId,
        MachineId = machine,
        LicenseType = "lifetime",
        Product = "easyfacture",
        IssuedAtUnix = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ExpiresAtUnix = DateTimeOffset.UtcNow.AddYears(50).ToUnixTimeSeconds(),
        KeyId = keyId,
    };
}
