using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backend.Tests.Reliability;

/// <summary>
/// SelfHost in-process with the license and invoice APIs on one database, every log line captured, and rate limits
/// raised so hostile input reaches the validation it is meant to test rather than the limiter.
/// 127.0.0.1 is a trusted proxy, so each request may pick its client address with <c>X-Forwarded-For</c>.
/// </summary>
public sealed class ReliabilityHost : IAsyncDisposable
{
    private readonly SelfHostFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    private ReliabilityHost(string connectionString, NpgsqlDataSource dataSource, Action<Dictionary<string, string?>>? settings)
    {
        DataSource = dataSource;
        _factory = new SelfHostFactory(connectionString);
        _factory.Settings["Licensing:TrustedProxies"] = "127.0.0.1";
        _factory.Settings["Invoices:RetryBaseDelaySeconds"] = "0";
        _factory.Settings["Invoices:InboxScanIntervalSeconds"] = "1";
        _factory.Settings["Invoices:InboxSettleMilliseconds"] = "100";
        _factory.Settings["Ocr:Engine"] = "local";
        foreach (var bucket in new[] { "Trial", "Activate", "Validate", "Heartbeat" })
        {
            _factory.Settings[$"Licensing:RateLimits:{bucket}:Limit"] = "1000000";
        }
        settings?.Invoke(_factory.Settings);
        _app = _factory.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, LoopbackPeer>());
        });
        Client = _app.CreateClient();
    }

    public static ReliabilityHost Create(TestDatabase database, Action<Dictionary<string, string?>>? settings = null) =>
        new(database.ConnectionString, database.DataSource, settings);

    public static ReliabilityHost Create(string connectionString, NpgsqlDataSource dataSource, Action<Dictionary<string, string?>>? settings = null) =>
        new(connectionString, dataSource, settings);

    public CapturedLogs Logs { get; } = new();

    public NpgsqlDataSource DataSource { get; }

    public HttpClient Client { get; }

    public SelfHostFactory Factory => _factory;

    public IServiceProvider Services => _app.Services;

    public string AdminApiKey => _factory.AdminApiKey;

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await Client.SendAsync(request))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public Task<(HttpStatusCode Status, string Body)> PostJsonAsync(string path, object body, string? apiKey = null, string? adminKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", NewClientAddress());
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        if (adminKey is not null)
        {
            // Tenant administration has read X-Admin-Key, and X-Api-Key like the license admin since the keys were unified.
            request.Headers.Add("X-Admin-Key", adminKey);
            request.Headers.Add("X-Api-Key", adminKey);
        }
        return SendAsync(request);
    }

    public async Task<JsonElement> TrialAsync(string machineId)
    {
        var (status, body) = await PostJsonAsync("/api/v1/licenses/trial", new { machine_id = machineId, email = $"c-{Guid.NewGuid():N}@exemple.fr", product = "easyfacture", version = "1.6.0" });
        Assert.True(status == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<string[]> CreateCodesAsync(string licenseType, int durationDays, int count)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/activation-codes") { Content = JsonContent.Create(new { license_type = licenseType, duration_days = durationDays, count }) };
        request.Headers.Add("X-Api-Key", AdminApiKey);
        var (status, body) = await SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
    }

    public async Task<(Guid TenantId, string ApiKey)> CreateTenantAsync(string name = "Cabinet Martin")
    {
        var (status, body) = await PostJsonAsync("/api/v1/admin/tenants", new { name }, adminKey: AdminApiKey);
        Assert.True(status == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("tenant_id").GetGuid(), json.GetProperty("api_key").GetString()!);
    }

    public async Task<Guid> UploadAsync(string apiKey, byte[] content, string fileName)
    {
        var (status, body) = await UploadRawAsync(apiKey, content, fileName);
        Assert.True(status == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("invoiceId").GetGuid();
    }

    public Task<(HttpStatusCode Status, string Body)> UploadRawAsync(string apiKey, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = form };
        request.Headers.Add("X-Api-Key", apiKey);
        return SendAsync(request);
    }

    public async Task<string> StatusOfAsync(Guid invoiceId)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM invoices WHERE id = @invoiceId", new { invoiceId }) ?? "missing";
    }

    public static string NewMachineId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static int _nextAddress;

    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return $"198.51.{n / 250 % 250}.{n % 250 + 1}";
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
