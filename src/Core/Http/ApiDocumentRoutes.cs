namespace Backend.Core.Http;

/// <summary>Relative to the <c>api</c> prefix (SelfHost's route group, Functions' host.json routePrefix).</summary>
public static class ApiDocumentRoutes
{
    /// <summary>The OpenAPI 3 document of the host's own routes: SelfHost all of them, each function app its own.</summary>
    public const string Document = "openapi.json";
}
