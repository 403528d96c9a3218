using System.Net;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backend.Tests.Foundation;

public sealed class ErrorEnvelopeTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private WebApplicationFactoryWithThrowingRoutes _factory = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new WebApplicationFactoryWithThrowingRoutes(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_envelope_without_internals()
    {
        var response = await _factory.CreateClient().GetAsync("/throw/bug");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", text);
        Assert.DoesNotContain("   at ", text);
        using var body = JsonDocument.Parse(text);
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("SERVER_ERROR", body.RootElement.GetProperty("error").GetString());
        Assert.True(body.RootElement.TryGetProperty("timestamp", out _));
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body.RootElement.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task A_database_outage_is_a_retryable_503_envelope()
    {
        var response = await _factory.CreateClient().GetAsync("/throw/database");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SERVER_ERROR", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_sane_caller_request_id_is_echoed_and_a_hostile_one_replaced()
    {
        var client = _factory.CreateClient();
        using var sane = new HttpRequestMessage(HttpMethod.Get, "/throw/bug");
        sane.Headers.Add("X-Request-Id", "abc-123");
        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/throw/bug");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "x\"}, {\"injected\": 1");

        var echoed = await client.SendAsync(sane);
        var replaced = await client.SendAsync(hostile);

        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Request-Id").Single());
        var id = replaced.Headers.GetValues("X-Request-Id").Single();
        Assert.True(Guid.TryParse(id, out _), id);
    }

    private sealed class WebApplicationFactoryWithThrowingRoutes(string connectionString) : SelfHostFactory(connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingRoutes()));
        }
    }

    private sealed class ThrowingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/throw/bug", a => a.Run(_ => throw new InvalidOperationException("secret internal detail")));
            app.Map("/throw/database", a => a.Run(_ => throw new NpgsqlException("connection refused", new System.Net.Sockets.SocketException(111))));
        };
    }
}
