using Backend.Core.Http;

namespace Backend.SelfHost.Http;

/// <summary>Whatever escapes a handler leaves as the error envelope, never as a bare 500 or a stack trace.</summary>
internal sealed class ExceptionEnvelopeMiddleware(RequestDelegate next, ILogger<ExceptionEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Every log line of the request carries its id, so a client's X-Request-Id finds them.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = RequestId.Get(context) });
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await UnhandledExceptionResult.For(context, e, logger).ExecuteAsync(context);
        }
    }
}
