using Backend.Core.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Backend.Functions.Worker;

/// <summary>The function apps' twin of SelfHost's exception middleware: HTTP functions never answer a bare 500.</summary>
public sealed class ExceptionEnvelopeMiddleware(ILogger<ExceptionEnvelopeMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            await UnhandledExceptionResult.For(http, e, logger).ExecuteAsync(http);
        }
    }
}
