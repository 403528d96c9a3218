using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Backend.Tests.Infrastructure;
using Backend.Tests.Reliability;
using Dapper;
using Npgsql;

namespace Backend.Tests.Deployment;

/// <summary>
/// deploy/vps/Caddyfile in front of SelfHost, both real processes: HTTPS, the redirect, HSTS, body caps, and which
/// client address the app's rate limits see. Trials are limited to 1 per address here; the limiter counts a request
/// before reading its body, so an empty body (400) is enough to spend an address's allowance, and the rows of
/// <c>license_rate_limits</c> show exactly which addresses the app saw.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private const string TrialPath = "/api/v1/licenses/trial";
    private readonly TestDatabase _database = new();
    private SelfHostProcess _app = null!;
    private CaddyProcess _caddy = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var blobs = Directory.CreateTempSubdirectory("backend-vps-blobs-").FullName;
        // As install.sh configures it: only the proxy's address is believed.
        _app = new SelfHostProcess(_database.ConnectionString, blobs, new Dictionary<string, string>
        {
            ["Licensing__TrustedProxies"] = "127.0.0.1",
            ["Licensing__RateLimits__Trial__Limit"] = "1",
            ["Licensing__RateLimits__Trial__WindowSeconds"] = "3600",
        });
        await _app.StartAsync();
        _caddy = new CaddyProcess();
        await _caddy.StartAsync(_app.Port);
    }

    public async Task DisposeAsync()
    {
        await _caddy.DisposeAsync();
        await _app.DisposeAsync();
        Directory.Delete(_app.BlobRoot, recursive: true);
        await _database.DisposeAsync();
    }

    private string Https(string path) => $"https://{CaddyProcess.Domain}:{_caddy.HttpsPort}{path}";

    private HttpClient ThroughProxy(string source) => ProxyClients.Create(IPAddress.Parse(source), _caddy.Root);

    private HttpClient Direct(string source) => ProxyClients.Create(IPAddress.Parse(source), trustedRoot: null);

    private static async Task<HttpStatusCode> PostTrialAsync(HttpClient client, string url, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string[]> TrialSubjectsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        return (await connection.QueryAsync<string>("SELECT subject FROM license_rate_limits WHERE bucket = 'trial' ORDER BY subject")).ToArray();
    }

    [Fact]
    public async Task Https_is_served_with_a_certificate_for_the_domain_and_carries_hsts()
    {
        using var client = ThroughProxy("127.0.0.2");
        using var response = await client.GetAsync(Https("/api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_certificate_not_issued_for_the_name_asked_is_refused()
    {
        // The same CA, but a name Caddy has no certificate for: the handshake must fail, so the check above means something.
        using var client = ThroughProxy("127.0.0.2");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"https://other.test:{_caddy.HttpsPort}/api/health"));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_with_path_and_query()
    {
        using var client = ThroughProxy("127.0.0.2");
        using var response = await client.GetAsync($"http://{CaddyProcess.Domain}:{_caddy.HttpPort}/api/v1/licenses/public-key?x=1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        // Caddy 2.6 writes no port into the Location of its automatic redirect: in production that is 443.
        var location = response.Headers.Location!;
        Assert.Equal("https", location.Scheme);
        Assert.Equal(CaddyProcess.Domain, location.Host);
        Assert.Equal("/api/v1/licenses/public-key?x=1", location.PathAndQuery);
    }

    [Fact]
    public async Task Through_the_proxy_the_app_sees_the_real_client_address_whatever_the_client_forwards()
    {
        using var first = ThroughProxy("127.0.0.3");
        using var second = ThroughProxy("127.0.0.4");

        Assert.Equal(HttpStatusCode.BadRequest, await PostTrialAsync(first, Https(TrialPath), forwardedFor: "198.51.100.7"));
        // Same forged address, another real one: had the app believed the header, this would be 429.
        Assert.Equal(HttpStatusCode.BadRequest, await PostTrialAsync(second, Https(TrialPath), forwardedFor: "198.51.100.7"));
        // The first client's allowance is spent, whatever it now claims to be.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostTrialAsync(first, Https(TrialPath), forwardedFor: "198.51.100.99"));

        Assert.Equal(new[] { "127.0.0.3", "127.0.0.4" }, (await TrialSubjectsAsync()).Where(s => s is "127.0.0.3" or "127.0.0.4" or "127.0.0.1" || s.StartsWith("198.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_bypassing_the_proxy_with_a_forged_forwarded_for_is_limited_as_its_own_address()
    {
        using var bypass = Direct("127.0.0.5");
        var app = _app.BaseAddress + TrialPath.TrimStart('/');

        Assert.Equal(HttpStatusCode.BadRequest, await PostTrialAsync(bypass, app, forwardedFor: "198.51.100.8"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostTrialAsync(bypass, app, forwardedFor: "198.51.100.9"));

        var subjects = await TrialSubjectsAsync();
        Assert.Contains("127.0.0.5", subjects);
        Assert.DoesNotContain(subjects, s => s.StartsWith("198.51.100.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_the_apps_cap_is_refused_by_the_proxy_before_the_app_counts_it()
    {
        using var client = ThroughProxy("127.0.0.6");
        using var request = new HttpRequestMessage(HttpMethod.Post, Https(TrialPath))
        {
            Content = new StringContent(new string(' ', 16384 + 1), Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PAYLOAD_TOO_LARGE", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["request_id"]!.GetValue<string>()));
        Assert.DoesNotContain("127.0.0.6", await TrialSubjectsAsync());

        // At the cap, the app answers (its own 400 for a blank body) and counts the address.
        using var atCap = new HttpRequestMessage(HttpMethod.Post, Https(TrialPath))
        {
            Content = new StringContent(new string(' ', 16384), Encoding.UTF8, "application/json"),
        };
        using var passed = await client.SendAsync(atCap);
        Assert.Equal(HttpStatusCode.BadRequest, passed.StatusCode);
        Assert.Contains("127.0.0.6", await TrialSubjectsAsync());
    }

    [Fact]
    public async Task An_upload_as_large_as_the_app_accepts_passes_the_proxy()
    {
        // 10 MiB + 64 KiB is the app's whole upload request; without a tenant key the app answers 401 itself.
        using var client = ThroughProxy("127.0.0.7");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[10 * 1024 * 1024]), "file", "big.pdf" } };
        using var response = await client.PostAsync(Https("/api/invoices"), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
