using Backend.Core.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

public sealed class HealthFunction(HealthHandler handler)
{
    [Function("Health")]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HealthRoutes.Health)] HttpRequest request) =>
        handler.HandleAsync(request.HttpContext);
}
