using Backend.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Updates;

public static class UpdateEndpoints
{
    /// <summary>Maps release publication (admin) and the clients' update check on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static IEndpointRouteBuilder MapUpdateEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("").WithTags("Releases (admin)");
        admin.MapPost(UpdateRoutes.Releases, (PublishReleaseHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("PublishRelease").WithSummary("Publie une version d'un produit sur un canal, pour une part des machines")
            .Accepts<PublishReleaseRequest>("application/json")
            .Produces<ReleaseResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 401, 409, 413, 415);
        admin.MapGet(UpdateRoutes.Releases, (ListReleasesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListReleases").WithSummary("Versions publiées et leur adoption: ?product=&channel=")
            .Produces<ReleaseListResponse>()
            .ProducesApiErrors(400, 401);
        admin.MapPatch(UpdateRoutes.Release, (UpdateRolloutHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id))
            .WithName("UpdateReleaseRollout").WithSummary("Change la part des machines qui reçoivent une version")
            .Accepts<UpdateRolloutRequest>("application/json")
            .Produces<ReleaseResponse>()
            .ProducesApiErrors(400, 401, 404, 413, 415);

        var updates = api.MapGroup("").WithTags("Updates");
        updates.MapGet(UpdateRoutes.Check, (CheckUpdateHandler handler, HttpContext context, string product) => handler.HandleAsync(context, product))
            .WithName("CheckUpdate").WithSummary("Mise à jour du client: manifeste signé, ou 204 si à jour ou hors du déploiement progressif")
            .Produces<UpdateResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(400, 404);
        return api;
    }
}
