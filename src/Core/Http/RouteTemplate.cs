using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Http;

/// <summary>
/// The route template a request matched, as a metric tag: one value per mapped route, so a tag cannot take as many
/// values as clients can invent paths (<c>/API/V1/LICENSES/TRIAL</c> reaches the same route as its lower-case form).
/// Both hosts expose it the same way: SelfHost's endpoint routing, and the Functions worker's, whose endpoints are
/// built from each function's trigger route under the <c>api</c> prefix.
/// </summary>
public static class RouteTemplate
{
    /// <summary>The tag of a request that matched no route endpoint (no template to name it by).</summary>
    public const string Unmatched = "unmatched";

    public static string Of(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template }
            ? "/" + template.TrimStart('/')
            : Unmatched;
}
