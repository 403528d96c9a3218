using System.Text.Json;
using Backend.Functions.Worker;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Backend.Tests.FunctionApps;

/// <summary>The two worker middlewares, in the order the apps install them, over a real HttpContext.</summary>
public sealed class WorkerMiddlewareTests
{
    [Fact]
    public async Task An_exception_in_a_function_becomes_the_error_envelope_with_the_request_id()
    {
        var (http, context) = NewInvocation("req-123");

        await Pipeline(context, _ => throw new InvalidOperationException("secret detail"));

        Assert.Equal(500, http.Response.StatusCode);
        var body = await Body(http);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("SERVER_ERROR", body.GetProperty("error").GetString());
        Assert.Equal("req-123", body.GetProperty("request_id").GetString());
        Assert.DoesNotContain("secret detail", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_outage_becomes_a_503_with_Retry_After()
    {
        var (http, context) = NewInvocation("req-db");

        await Pipeline(context, _ => throw new NpgsqlException("down", new TimeoutException()));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("req-db", (await Body(http)).GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task The_functions_result_is_written_once_and_taken_off_the_invocation()
    {
        var (http, context) = NewInvocation("req-ok");
        var result = new CountingResult();

        await Pipeline(context, c =>
        {
            ((FakeFunctionContext)c).Bindings.InvocationResult = result;
            return Task.CompletedTask;
        });

        Assert.Equal(1, result.Executions);
        Assert.Null(context.Bindings.InvocationResult);
        Assert.Equal(201, http.Response.StatusCode);
        Assert.Equal("{\"ok\":true}", await new StreamReader(Rewind(http)).ReadToEndAsync());
    }

    [Fact]
    public async Task A_result_that_fails_while_writing_is_still_enveloped()
    {
        var (http, context) = NewInvocation("req-write");

        await Pipeline(context, c =>
        {
            ((FakeFunctionContext)c).Bindings.InvocationResult = new ThrowingResult();
            return Task.CompletedTask;
        });

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("req-write", (await Body(http)).GetProperty("request_id").GetString());
    }

    private static (DefaultHttpContext Http, FakeFunctionContext Context) NewInvocation(string requestId)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Headers["X-Request-Id"] = requestId;
        http.Response.Body = new MemoryStream();
        return (http, new FakeFunctionContext(http, services));
    }

    /// <summary>Outermost first, as FunctionAppStartup installs them.</summary>
    private static Task Pipeline(FakeFunctionContext context, Func<Microsoft.Azure.Functions.Worker.FunctionContext, Task> function)
    {
        var envelope = new ExceptionEnvelopeMiddleware(NullLogger<ExceptionEnvelopeMiddleware>.Instance);
        var results = new HttpResultMiddleware();
        return envelope.Invoke(context, c => results.Invoke(c, f => function(f)));
    }

    private static Stream Rewind(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return http.Response.Body;
    }

    private static async Task<JsonElement> Body(HttpContext http) =>
        (await JsonDocument.ParseAsync(Rewind(http))).RootElement;

    private sealed class CountingResult : IResult
    {
        public int Executions { get; private set; }

        public Task ExecuteAsync(HttpContext httpContext)
        {
            Executions++;
            return Results.Json(new { ok = true }, statusCode: 201).ExecuteAsync(httpContext);
        }
    }

    private sealed class ThrowingResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => throw new InvalidOperationException("serialization failed");
    }
}
