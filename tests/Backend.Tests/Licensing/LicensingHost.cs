using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Tests.Licensing;

/// <summary>
/// SelfHost on its own database with a hand-moved clock. The in-process test server has no peer address,
/// so requests arrive from 127.0.0.1, which is configured as a trusted proxy: each test picks its client
/// address with <c>X-Forwarded-For</c> and so gets rate-limit counters of its own.
/// </summary>
public class LicensingHost : IAsyncLifetime, IAsyncDisposable
{
    private static int _nextAddress;
    private SelfHostFactory? _factory;
    private HttpClient? _client;

    public LicensingHost()
    {
    }

    public static LicensingHost With(params (string Key, string Value)[] settings) => new(settings);

    protected LicensingHost(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
    }

    public TestDatabase Database { get; } = new();

    public ManualClock Clock { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Licensing:TrustedProxies"] = "127.0.0.1",
    };

    public SelfHostFactory Factory => _factory ??= CreateFactory();

    public HttpClient Client => _client ??= Factory.CreateClient();

    public string AdminApiKey => Factory.AdminApiKey;

    /// <summary>
    /// Waits until the in-memory license copy holds every commit made before this call: a test that changes a license
    /// straight in SQL reaches validate through the change notification, a moment later.
    /// </summary>
    public Task LicenseCopyCaughtUpAsync() =>
        Factory.Services.GetRequiredService<Backend.Core.Licensing.LicenseStateCache>().WaitUntilCurrentAsync();

    public async Task InitializeAsync() => await Database.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Another SelfHost instance on the same database (same keys unless overridden).</summary>
    public SelfHostFactory CreateFactory(Action<Dictionary<string, string?>>? configure = null)
    {
        var factory = new Instance(Database.ConnectionString, Clock);
        foreach (var (key, value) in Settings)
        {
            factory.Settings[key] = value;
        }
        if (_factory is not null)
        {
            factory.Settings["Licensing:SigningPrivateKey"] = _factory.SigningPrivateKey;
            factory.Settings["Licensing:AdminApiKey"] = _factory.AdminApiKey;
            factory.Settings["AccessTokens:Keys:local1"] = _factory.AccessTokenKey;
        }
        configure?.Invoke(factory.Settings);
        return factory;
    }

    public static string NewMachineId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return $"203.0.{n / 250 % 250}.{n % 250 + 1}";
    }

    public static string NewEmail() => $"client-{Guid.NewGuid():N}@exemple.fr";

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? clientAddress = null) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), clientAddress);

    public Task<HttpResponseMessage> PostRawAsync(string path, string raw, string contentType = "application/json", string? clientAddress = null) =>
        SendAsync(HttpMethod.Post, path, new StringContent(raw, Encoding.UTF8, contentType), clientAddress);

    public Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null, string? key = null, bool bearer = false)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? AdminApiKey);
        }
        else
        {
            request.Headers.Add("X-Api-Key", key ?? AdminApiKey);
        }
        return Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? clientAddress)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", clientAddress ?? NewClientAddress());
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> TrialAsync(string machineId, string? email = null)
    {
        var response = await PostAsync("/api/v1/licenses/trial", new { machine_id = machineId, email = email ?? NewEmail(), product = "easyfacture", version = "1.6.0" });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<string[]> CreateCodesAsync(string licenseType, int durationDays, int count = 1)
    {
        var response = await AdminAsync(HttpMethod.Post, "/api/v1/admin/activation-codes", new { license_type = licenseType, duration_days = durationDays, count });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
    }

    public async Task<JsonElement> ActivateAsync(string machineId, string code, string? email = null)
    {
        var response = await PostAsync("/api/v1/licenses/activate", new { machine_id = machineId, activation_code = code, email = email ?? NewEmail() });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ValidateAsync(string machineId, string licenseKey, string? clientAddress = null)
    {
        var response = await PostAsync("/api/v1/licenses/validate", new { machine_id = machineId, license_key = licenseKey }, clientAddress);
        return (response.StatusCode, await Json.ReadAsync(response));
    }

    private sealed class Instance(string connectionString, TimeProvider clock) : SelfHostFactory(connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
                services.AddSingleton<IStartupFilter, LoopbackPeer>();
            });
        }
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
