using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Backend.Tests.Licensing;

public sealed class AdminTests(AdminTests.Host host) : IClassFixture<AdminTests.Host>
{
    /// <summary>A second admin key, configured only as its SHA-256 hash.</summary>
    public const string HashedOnlyKey = "second-admin-key-0123456789abcdef0123456789";

    public sealed class Host() : LicensingHost(("Licensing:AdminApiKeyHashes", "ops:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(HashedOnlyKey)))));

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "DELETE", "/api/v1/admin/licenses/0123456789abcdef0123456789abcdef" },
        { "POST", "/api/v1/admin/activation-codes" },
        { "GET", "/api/v1/admin/licenses" },
        { "GET", "/api/v1/admin/licenses.csv" },
        { "GET", "/api/v1/admin/stats" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Admin_endpoints_refuse_a_missing_or_wrong_key(string method, string path)
    {
        var anonymous = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { license_type = "annual", duration_days = 365 }) });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        (await Json.ReadAsync(anonymous)).AssertError("UNAUTHORIZED");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        foreach (var bearer in new[] { false, true })
        {
            var wrong = await host.AdminAsync(new HttpMethod(method), path, new { license_type = "annual", duration_days = 365 }, key: host.AdminApiKey + "x", bearer: bearer);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            (await Json.ReadAsync(wrong)).AssertError("UNAUTHORIZED");
        }
    }

    [Fact]
    public async Task The_key_is_accepted_as_x_api_key_or_bearer_and_hashed_keys_work_too()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats", bearer: true)).StatusCode);
        var created = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes", new { license_type = "annual", duration_days = 365 }, key: HashedOnlyKey);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await Json.ReadAsync(created)).GetProperty("codes")[0].GetString();
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        Assert.Equal("ops", await connection.ExecuteScalarAsync<string>("SELECT created_by FROM activation_codes WHERE code = @code", new { code }));
    }

    [Fact]
    public async Task Activation_codes_are_unique_readable_and_carry_type_duration_expiry_and_notes()
    {
        var expiresAt = DateTimeOffset.UtcNow.AddDays(90);
        var response = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes",
            new { license_type = "monthly", duration_days = 31, count = 50, expires_at = expiresAt, notes = "salon 2026" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        var codes = body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(50, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", c));
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string Type, int Days, DateTimeOffset ExpiresAt, string Notes)>(
            "SELECT license_type, duration_days, expires_at, notes FROM activation_codes WHERE code = ANY(@codes)", new { codes = codes.ToArray() })).ToList();
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(("monthly", 31, "salon 2026"), (r.Type, r.Days, r.Notes));
            Assert.InRange(r.ExpiresAt, expiresAt.AddMilliseconds(-1), expiresAt.AddMilliseconds(1));
        });
    }

    [Theory]
    [InlineData("""{"duration_days":30}""", "license_type")]
    [InlineData("""{"license_type":"forever","duration_days":30}""", "license_type")]
    [InlineData("""{"license_type":"annual"}""", "duration_days")]
    [InlineData("""{"license_type":"annual","duration_days":0}""", "duration_days")]
    [InlineData("""{"license_type":"annual","duration_days":"365"}""", "duration_days")]
    [InlineData("""{"license_type":"annual","duration_days":365,"count":0}""", "count")]
    [InlineData("""{"license_type":"annual","duration_days":365,"count":1001}""", "count")]
    [InlineData("""{"license_type":"annual","duration_days":365,"count":2.5}""", "count")]
    [InlineData("""{"license_type":"annual","duration_days":365,"expires_at":"2001-01-01T00:00:00Z"}""", "expires_at")]
    [InlineData("""{"license_type":"annual","duration_days":365,"expires_at":"demain"}""", "expires_at")]
    [InlineData("""{"license_type":"annual","duration_days":365,"created_by":"me"}""", "created_by")]
    public async Task Bad_code_requests_are_a_400_naming_the_field(string raw, string field)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/activation-codes") { Content = new StringContent(raw, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", host.AdminApiKey);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError("INVALID_REQUEST");
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Revocation_is_idempotent_keeps_the_first_reason_and_is_404_for_unknown_machines()
    {
        var machine = LicensingHost.NewMachineId();
        await host.TrialAsync(machine);

        var first = await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine.ToUpperInvariant()}?reason=chargeback");
        var again = await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "autre" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await Json.ReadAsync(first);
        Assert.Equal("Licence révoquée avec succès", firstBody.Str("message"));
        Assert.Equal("chargeback", firstBody.Str("revoked_reason"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var againBody = await Json.ReadAsync(again);
        Assert.Equal(firstBody.Str("revoked_at"), againBody.Str("revoked_at"));
        Assert.Equal("chargeback", againBody.Str("revoked_reason"));

        var unknown = await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{LicensingHost.NewMachineId()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        (await Json.ReadAsync(unknown)).AssertError("LICENSE_NOT_FOUND");
        var malformed = await host.AdminAsync(HttpMethod.Delete, "/api/v1/admin/licenses/not-a-machine");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        (await Json.ReadAsync(malformed)).AssertError("INVALID_MACHINE_ID");
    }

    [Fact]
    public async Task Search_filters_by_email_type_and_status_and_pages()
    {
        var email = LicensingHost.NewEmail();
        var machines = Enumerable.Range(0, 3).Select(_ => LicensingHost.NewMachineId()).ToList();
        foreach (var machine in machines)
        {
            await host.ActivateAsync(machine, (await host.CreateCodesAsync("annual", 365)).Single(), email);
        }
        await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machines[0]}");

        var page1 = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?email={Uri.EscapeDataString(email.ToUpperInvariant())}&page_size=2"));
        var page2 = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?email={Uri.EscapeDataString(email)}&page_size=2&page=2"));
        var active = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?email={Uri.EscapeDataString(email)}&type=annual&status=active"));
        var revoked = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?email={Uri.EscapeDataString(email)}&status=revoked"));
        var trials = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?email={Uri.EscapeDataString(email)}&type=trial"));

        Assert.Equal(3, page1.GetProperty("total").GetInt64());
        var seen = page1.GetProperty("licenses").EnumerateArray().Concat(page2.GetProperty("licenses").EnumerateArray()).Select(l => l.Str("machine_id")).ToList();
        Assert.Equal(machines.Order(), seen.Order());
        Assert.Equal(2, active.GetProperty("total").GetInt64());
        Assert.All(active.GetProperty("licenses").EnumerateArray(), l => Assert.Equal("active", l.Str("status")));
        Assert.Equal(machines[0], revoked.GetProperty("licenses").EnumerateArray().Single().Str("machine_id"));
        Assert.Equal(0, trials.GetProperty("total").GetInt64());
        Assert.False(page1.GetProperty("licenses")[0].TryGetProperty("license_key", out _));
    }

    [Theory]
    [InlineData("status=lost", "status")]
    [InlineData("type=perpetual", "type")]
    [InlineData("page=0", "page")]
    [InlineData("page_size=500", "page_size")]
    [InlineData("page=abc", "page")]
    [InlineData("sort=email", "sort")]
    public async Task Bad_search_parameters_are_a_400_naming_them(string query, string field)
    {
        var response = await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError("INVALID_REQUEST");
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task The_csv_export_lists_matching_licenses_and_neutralises_formulas()
    {
        var email = "=cmd@exemple.fr";
        var machine = LicensingHost.NewMachineId();
        await host.TrialAsync(machine, email);
        await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "dit \"non\", deux fois" });

        var response = await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/licenses.csv?email={Uri.EscapeDataString(email)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFid,machine_id,email,", text);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",{machine},'=cmd@exemple.fr,easyfacture,trial,revoked,", lines[1]);
        Assert.Contains(",\"dit \"\"non\"\", deux fois\",", lines[1]);
    }

    [Fact]
    public async Task Stats_count_licenses_trials_conversions_heartbeats_and_validations()
    {
        var before = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats?days=7"));
        var converted = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(converted)).Str("license_key");
        await host.ActivateAsync(converted, (await host.CreateCodesAsync("annual", 365)).Single());
        await host.TrialAsync(LicensingHost.NewMachineId());
        await host.PostAsync("/api/v1/licenses/heartbeat", new { machine_id = converted, license_key = key });
        await host.ValidateAsync(converted, key);

        var after = await Backend.Tests.Infrastructure.Eventually.MatchAsync(
            async () => await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats?days=7")),
            s => Validations(s) == Validations(before) + 1);

        Assert.True(after.GetProperty("success").GetBoolean());
        Assert.Equal(Trials(before).Created + 2, Trials(after).Created);
        Assert.Equal(Trials(before).Converted + 1, Trials(after).Converted);
        Assert.Equal(Machines(before) + 1, Machines(after));
        Assert.Equal(Count(before, "annual", "active") + 1, Count(after, "annual", "active"));
        Assert.Equal(Count(before, "trial", "active") + 1, Count(after, "trial", "active"));
    }

    private static long Validations(System.Text.Json.JsonElement stats) =>
        stats.GetProperty("validations_per_day").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64());

    private static (long Created, long Converted) Trials(System.Text.Json.JsonElement stats) =>
        (stats.GetProperty("trials_per_day").EnumerateArray().Sum(d => d.GetProperty("created").GetInt64()),
         stats.GetProperty("trials_per_day").EnumerateArray().Sum(d => d.GetProperty("converted").GetInt64()));

    private static long Machines(System.Text.Json.JsonElement stats) => stats.GetProperty("machines_seen").GetProperty("last24h").GetInt64();

    private static long Count(System.Text.Json.JsonElement stats, string type, string status) =>
        stats.GetProperty("licenses").EnumerateArray()
            .Where(l => l.Str("license_type") == type && l.Str("status") == status)
            .Sum(l => l.GetProperty("count").GetInt64());
}
