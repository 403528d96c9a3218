using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backend.Tests.Invoices;

/// <summary>SelfHost on its own database and blob directory, with helpers that speak the invoice API like a client.</summary>
public sealed class InvoiceTestHost : IAsyncDisposable
{
    private readonly SelfHostFactory _factory;
    private readonly bool _aiAnalysis;
    private WebApplicationFactory<Program>? _app;

    private InvoiceTestHost(SelfHostFactory factory, NpgsqlDataSource dataSource, bool aiAnalysis)
    {
        _factory = factory;
        DataSource = dataSource;
        _aiAnalysis = aiAnalysis;
    }

    public NpgsqlDataSource DataSource { get; }

    public SelfHostFactory Factory => _factory;

    public string BlobRoot => _factory.BlobRoot;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <param name="aiAnalysis">
    /// Whether the AI-analysis worker runs. Off by default, so the OCR tests see invoices rest in OCR_COMPLETED with
    /// their chained job still queued; the accounting tests turn it on to follow invoices to AI_COMPLETED and beyond.
    /// </param>
    public static InvoiceTestHost Create(string connectionString, NpgsqlDataSource dataSource, Action<Dictionary<string, string?>>? settings = null, Action<IServiceCollection>? services = null, bool aiAnalysis = false)
    {
        var factory = new SelfHostFactory(connectionString);
        factory.Settings["Invoices:RetryBaseDelaySeconds"] = "0";
        factory.Settings["Invoices:InboxScanIntervalSeconds"] = "1";
        factory.Settings["Invoices:InboxSettleMilliseconds"] = "100";
        factory.Settings["Ocr:Engine"] = "local";
        settings?.Invoke(factory.Settings);
        var host = new InvoiceTestHost(factory, dataSource, aiAnalysis);
        host.Start(services);
        return host;
    }

    /// <summary>Starts (again) the app on the same database and blob directory, like a process restart.</summary>
    public void Start(Action<IServiceCollection>? services = null)
    {
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            if (!_aiAnalysis)
            {
                foreach (var handler in s.Where(d => d.ServiceType == typeof(IJobHandler) && d.ImplementationType == typeof(AiAnalysisJobHandler)).ToList())
                {
                    s.Remove(handler);
                }
            }
            services?.Invoke(s);
        }));
        Client = _app.CreateClient();
    }

    public async Task<(Guid TenantId, string ApiKey)> CreateTenantAsync(string name = "Cabinet Martin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/tenants") { Content = JsonContent.Create(new { name }) };
        request.Headers.Add("X-Api-Key", _factory.AdminApiKey);
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("tenant_id").GetGuid(), body.GetProperty("api_key").GetString()!);
    }

    public async Task<HttpResponseMessage> UploadAsync(string? apiKey, byte[] content, string fileName = "facture.pdf", string path = "/api/invoices", string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        return await Client.SendAsync(request);
    }

    public async Task<Guid> UploadOkAsync(string apiKey, byte[] content, string fileName = "facture.pdf")
    {
        using var response = await UploadAsync(apiKey, content, fileName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiceId").GetGuid();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? apiKey, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> GetInvoiceAsync(string apiKey, Guid id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/invoices/{id}", apiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");
    }

    public Task<JsonElement> WaitForStatusAsync(string apiKey, Guid id, params string[] statuses) =>
        Eventually.MatchAsync(() => GetInvoiceAsync(apiKey, id), i => statuses.Contains(i.GetProperty("status").GetString()),
            TimeSpan.FromSeconds(60), $"invoice {id} reaches {string.Join("|", statuses)}");

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("null");
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await StopAsync();
        await _factory.DisposeAsync();
    }
}
