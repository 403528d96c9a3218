using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Backend.Functions.Azure;

/// <summary>
/// Executes the <see cref="IResult"/> an HTTP function returns. The ASP.NET Core integration executes only
/// <c>IActionResult</c> (Azure/azure-functions-dotnet-worker#2718); Core's handlers return <see cref="IResult"/> so
/// that SelfHost and the function apps run them unchanged. The result is written to the request's
/// <see cref="HttpContext"/> and the invocation result cleared, as the integration does for its own response type.
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
