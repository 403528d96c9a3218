using Backend.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>The OpenAPI document of this app's routes (openapi.json, embedded at build).</summary>
public sealed class ApiDocumentFunction
{
    [Function("ApiDocument")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiDocumentRoutes.Document)] HttpRequest request) =>
        EmbeddedApiDocument.Of(typeof(ApiDocumentFunction).Assembly);
}
