using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Backend.Tests.Licensing;
using Dapper;

namespace Backend.Tests.Partners;

/// <summary>Resellers' API keys: scoped to products, codes of those products only, their own codes only, their own limit and audit trail.</summary>
public sealed class PartnerApiTests(PartnerApiTests.Host host) : IClassFixture<PartnerApiTests.Host>
{
    /// <summary>A configured reseller (<c>Partners__ApiKeyHashes</c>) selling easyfacture, and a tight limit for the rate-limit test's reseller.</summary>
    public sealed class Host() : LicensingHost(
        ("Partners:ApiKeyHashes", $"configured-reseller:easyfacture:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConfiguredKey)))}"),
        ("Partners:RateLimit:Limit", "6"));

    public const string ConfiguredKey = "configured-reseller-key-0123456789abcdef";

    private LicensingHost L => host;

    private async Task<string> CreateProductAsync()
    {
        var code = "p" + Guid.NewGuid().ToString("N")[..12];
        var response = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/products", new { code, name = code, trial_days = 14 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private async Task<(string Name, string Key)> CreatePartnerAsync(params string[] products)
    {
        var name = "reseller-" + Guid.NewGuid().ToString("N")[..8];
        var response = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/partners", new { name, products });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (name, body.Str("api_key"));
    }

    private Task<HttpResponseMessage> AsPartnerAsync(HttpMethod method, string path, string key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return L.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_reseller_creates_codes_of_its_products_that_activate_and_lists_them_with_their_use()
    {
        var product = await CreateProductAsync();
        var (name, key) = await CreatePartnerAsync(product);

        var created = await AsPartnerAsync(HttpMethod.Post, "/api/v1/partner/activation-codes", key, new { product, license_type = "annual", duration_days = 365, count = 2 });
        var body = await Json.ReadAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        var codes = body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(2, codes.Length);

        var machine = LicensingHost.NewMachineId();
        var activate = await L.PostAsync("/api/v1/licenses/activate", new { machine_id = machine, activation_code = codes[0], email = LicensingHost.NewEmail(), product });
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);

        var list = await Json.ReadAsync(await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", key));
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        var listed = list.GetProperty("codes").EnumerateArray().ToDictionary(c => c.Str("code"));
        Assert.True(listed[codes[0]].GetProperty("is_used").GetBoolean());
        Assert.True(listed[codes[0]].TryGetProperty("used_at", out _));
        Assert.False(listed[codes[1]].GetProperty("is_used").GetBoolean());
        // Their use, never who used them.
        Assert.DoesNotContain(listed[codes[0]].EnumerateObject(), p => p.Name is "machine_id" or "email" or "used_by_license_id");

        await using var connection = await L.Database.DataSource.OpenConnectionAsync();
        var audit = (await connection.QueryAsync<(string Actor, string Action)>(
            "SELECT actor, action FROM audit_events WHERE actor = @actor ORDER BY id", new { actor = $"partner:{name}" })).ToList();
        Assert.Equal([($"partner:{name}", "partner.activation_codes.created"), ($"partner:{name}", "partner.activation_codes.listed")], audit);
        Assert.Equal(name, await connection.ExecuteScalarAsync<string>("SELECT partner FROM activation_codes WHERE code = @code", new { code = codes[0] }));
        // Only the hash of the key is stored.
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT key_hash FROM partners WHERE name = @name", new { name });
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored);
    }

    [Fact]
    public async Task A_reseller_key_cannot_create_codes_of_another_product_nor_read_licenses_nor_revoke()
    {
        var mine = await CreateProductAsync();
        var theirs = await CreateProductAsync();
        var (_, key) = await CreatePartnerAsync(mine);
        var (_, otherKey) = await CreatePartnerAsync(theirs);
        await AsPartnerAsync(HttpMethod.Post, "/api/v1/partner/activation-codes", otherKey, new { product = theirs, license_type = "monthly", duration_days = 30 });

        var forbidden = await AsPartnerAsync(HttpMethod.Post, "/api/v1/partner/activation-codes", key, new { product = theirs, license_type = "annual", duration_days = 365 });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        (await Json.ReadAsync(forbidden)).AssertError("FORBIDDEN");
        var listOther = await AsPartnerAsync(HttpMethod.Get, $"/api/v1/partner/activation-codes?product={theirs}", key);
        Assert.Equal(HttpStatusCode.Forbidden, listOther.StatusCode);
        var own = await Json.ReadAsync(await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", key));
        Assert.Equal(0, own.GetProperty("total").GetInt64());

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/api/v1/admin/licenses"),
            (HttpMethod.Get, "/api/v1/admin/licenses.csv"),
            (HttpMethod.Get, "/api/v1/admin/stats"),
            (HttpMethod.Post, "/api/v1/admin/activation-codes"),
            (HttpMethod.Delete, $"/api/v1/admin/licenses/{LicensingHost.NewMachineId()}"),
            (HttpMethod.Get, "/api/v1/admin/partners"),
            (HttpMethod.Post, "/api/v1/admin/releases"),
        })
        {
            var response = await AsPartnerAsync(method, path, key, method == HttpMethod.Post ? new { } : null);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
        foreach (var header in new[] { "", "efp_000000000000_" + new string('A', 43), key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), L.AdminApiKey })
        {
            var response = await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", header);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_configured_reseller_works_without_any_row_and_is_listed_for_admins()
    {
        var created = await AsPartnerAsync(HttpMethod.Post, "/api/v1/partner/activation-codes", ConfiguredKey, new { product = "easyfacture", license_type = "lifetime" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var partners = await Json.ReadAsync(await L.AdminAsync(HttpMethod.Get, "/api/v1/admin/partners"));
        var configured = partners.GetProperty("partners").EnumerateArray().Single(p => p.Str("name") == "configured-reseller");
        Assert.Equal("configuration", configured.Str("source"));
        Assert.False(configured.TryGetProperty("api_key", out _));

        var clash = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/partners", new { name = "configured-reseller", products = new[] { "easyfacture" } });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
    }

    [Fact]
    public async Task Each_reseller_has_its_own_rate_limit()
    {
        var product = await CreateProductAsync();
        var (_, busy) = await CreatePartnerAsync(product);
        var (_, quiet) = await CreatePartnerAsync(product);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", busy)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6).Append(HttpStatusCode.TooManyRequests), statuses);
        var limited = await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", busy);
        (await Json.ReadAsync(limited)).AssertError("RATE_LIMIT_EXCEEDED");
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", quiet)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_reseller_key_stops_working_at_once_and_its_codes_still_activate()
    {
        var product = await CreateProductAsync();
        var (name, key) = await CreatePartnerAsync(product);
        var created = await Json.ReadAsync(await AsPartnerAsync(HttpMethod.Post, "/api/v1/partner/activation-codes", key, new { product, license_type = "monthly", duration_days = 30 }));
        var code = created.GetProperty("codes")[0].GetString();

        var disabled = await L.AdminAsync(HttpMethod.Post, $"/api/v1/admin/partners/{name}/disable");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await Json.ReadAsync(disabled)).GetProperty("partner").TryGetProperty("disabled_at", out _));

        Assert.Equal(HttpStatusCode.Unauthorized, (await AsPartnerAsync(HttpMethod.Get, "/api/v1/partner/activation-codes", key)).StatusCode);
        var activate = await L.PostAsync("/api/v1/licenses/activate", new { machine_id = LicensingHost.NewMachineId(), activation_code = code, email = LicensingHost.NewEmail(), product });
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/partners/configured-reseller/disable")).StatusCode);
    }

    [Fact]
    public async Task Bad_reseller_input_is_a_documented_400()
    {
        var product = await CreateProductAsync();
        var (_, key) = await CreatePartnerAsync(product);

        var bad = await AsPartnerAsync(HttpMethod.Post, "/api/v1/partner/activation-codes", key, new { product, license_type = "forever", count = 1000, extra = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        (await Json.ReadAsync(bad)).AssertError("INVALID_REQUEST");
        var badPartner = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/partners", new { name = "Bad Name", products = new[] { "inconnu" } });
        Assert.Equal(HttpStatusCode.BadRequest, badPartner.StatusCode);
        var unknownProduct = await L.AdminAsync(HttpMethod.Post, "/api/v1/admin/partners", new { name = "valid-name", products = new[] { "inconnu" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownProduct.StatusCode);
        Assert.Contains("inconnu", (await Json.ReadAsync(unknownProduct)).GetProperty("details").Str("products"));
    }
}
