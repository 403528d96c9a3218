using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Backend.Functions.Worker;

/// <summary>
/// Executes the <see cref="IResult"/> an HTTP function returns while still inside
/// <see cref="ExceptionEnvelopeMiddleware"/>, so a failure while writing the response also becomes the error
/// envelope. The ASP.NET Core integration would execute it too, but only after our middleware has returned;
/// clearing the invocation result keeps it from being written twice.
/// </summary>
public sealed class HttpResultMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await next(context);

        if (context.GetHttpContext() is { } http && context.GetInvocationResult() is { Value: IResult result } invocation)
        {
            await result.ExecuteAsync(http);
            invocation.Value = null;
        }
    }
}
