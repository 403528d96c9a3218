using System.Net;
using System.Text;
using Dapper;
using EasyFacture.Licensing;

namespace Backend.Tests.Licensing;

public sealed class TrialTests(TrialTests.Host host) : IClassFixture<TrialTests.Host>
{
    public sealed class Host() : LicensingHost(("Licensing:MaxTrialsPerEmail", "2"));

    private LicensingHost L => host;

    [Fact]
    public async Task Creates_a_30_day_trial_whose_key_verifies_offline_with_the_published_key()
    {
        var machine = LicensingHost.NewMachineId();
        var before = L.Clock.GetUtcNow();

        var body = await L.TrialAsync(machine);

        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("trial", body.Str("license_type"));
        Assert.Equal(30, body.GetProperty("days_remaining").GetInt32());
        Assert.Equal("Licence trial créée avec succès", body.Str("message"));
        var expiresAt = DateTimeOffset.Parse(body.Str("expires_at"));
        // The last second of the 30th day, today included (seed: 2026-01-30T23:59:59Z).
        Assert.Equal(new DateTimeOffset(before.UtcDateTime.Date.AddDays(29).AddHours(23).AddMinutes(59).AddSeconds(59), TimeSpan.Zero), expiresAt);

        var keys = await Json.ReadAsync(await L.Client.GetAsync("/api/v1/licenses/public-key"));
        using var verifier = new LicenseVerifier(keys.GetProperty("keys").EnumerateArray().Select(k => k.Str("public_key_pem")));
        var check = verifier.Verify(body.Str("license_key"), machine, L.Clock.GetUtcNow(), TimeSpan.Zero);
        Assert.Equal(LicenseCheck.Valid, check.Result);
        Assert.Equal("trial", check.Claims!.LicenseType);
        Assert.Equal(expiresAt.ToUnixTimeSeconds(), check.Claims.ExpiresAtUnix);
        Assert.Equal(keys.Str("current_key_id"), check.Claims.KeyId);

        await using var connection = await L.Database.DataSource.OpenConnectionAsync();
        var history = await connection.QueryAsync<string>(
            "SELECT a.action_type FROM activations a JOIN licenses l ON l.id = a.license_id WHERE l.machine_id = @machine", new { machine });
        Assert.Equal(["trial_created"], history);
    }

    [Fact]
    public async Task A_second_trial_for_the_same_machine_is_a_conflict_showing_the_existing_one_even_in_another_case()
    {
        var machine = LicensingHost.NewMachineId();
        var first = await L.TrialAsync(machine);

        var response = await L.PostAsync("/api/v1/licenses/trial", new { machine_id = machine.ToUpperInvariant(), email = LicensingHost.NewEmail() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError("TRIAL_ALREADY_EXISTS");
        var existing = body.GetProperty("existing_license");
        Assert.Equal(DateTimeOffset.Parse(first.Str("expires_at")), DateTimeOffset.Parse(existing.Str("expires_at")));
        Assert.Equal(30, existing.GetProperty("days_remaining").GetInt32());
    }

    [Fact]
    public async Task The_number_of_trials_per_email_is_capped()
    {
        var email = LicensingHost.NewEmail();
        await L.TrialAsync(LicensingHost.NewMachineId(), email);
        await L.TrialAsync(LicensingHost.NewMachineId(), email.ToUpperInvariant());

        var response = await L.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        (await Json.ReadAsync(response)).AssertError("TRIAL_LIMIT_REACHED");
    }

    [Theory]
    [InlineData("""{"email":"a@exemple.fr"}""", "MACHINE_ID_REQUIRED", "machine_id")]
    [InlineData("""{"machine_id":null,"email":"a@exemple.fr"}""", "MACHINE_ID_REQUIRED", "machine_id")]
    [InlineData("""{"machine_id":"a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6","email":"a@exemple.fr"}""", "INVALID_MACHINE_ID", "machine_id")]
    [InlineData("""{"machine_id":"abc","email":"a@exemple.fr"}""", "INVALID_MACHINE_ID", "machine_id")]
    [InlineData("""{"machine_id":12345678901234567890123456789012,"email":"a@exemple.fr"}""", "INVALID_MACHINE_ID", "machine_id")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef"}""", "INVALID_REQUEST", "email")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"pas-une-adresse"}""", "INVALID_REQUEST", "email")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@b"}""", "INVALID_REQUEST", "email")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a..b@exemple.fr"}""", "INVALID_REQUEST", "email")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":5}""", "INVALID_REQUEST", "email")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr","version":1.6}""", "INVALID_REQUEST", "version")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr","version":"123456789012345678901"}""", "INVALID_REQUEST", "version")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr","product":"Easy Facture"}""", "INVALID_REQUEST", "product")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr","admin":true}""", "INVALID_REQUEST", "admin")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr",""", "INVALID_REQUEST", "body")]
    [InlineData("""["0123456789abcdef0123456789abcdef"]""", "INVALID_REQUEST", "body")]
    [InlineData("", "INVALID_REQUEST", "body")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","machine_id":"0123456789abcdef0123456789abcdee","email":"a@exemple.fr"}""", "INVALID_REQUEST", "body")]
    public async Task Bad_input_is_a_400_naming_the_field(string raw, string code, string field)
    {
        var response = await L.PostRawAsync("/api/v1/licenses/trial", raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError(code);
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task An_oversize_body_is_refused_before_it_is_parsed()
    {
        var raw = $$"""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr","version":"{{new string('x', 20_000)}}"}""";

        var response = await L.PostRawAsync("/api/v1/licenses/trial", raw);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError("PAYLOAD_TOO_LARGE");
        Assert.True(body.GetProperty("details").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_an_unsupported_media_type()
    {
        var response = await L.PostRawAsync("/api/v1/licenses/trial", "machine_id=0123456789abcdef0123456789abcdef", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        (await Json.ReadAsync(response)).AssertError("UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Errors_echo_the_callers_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/trial") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Id", "trace-42");
        request.Headers.Add("X-Forwarded-For", LicensingHost.NewClientAddress());

        var response = await L.Client.SendAsync(request);

        var body = await Json.ReadAsync(response);
        Assert.Equal("trace-42", body.Str("request_id"));
        Assert.Equal("trace-42", response.Headers.GetValues("X-Request-Id").Single());
    }
}
