using Backend.Core.Http;
using Backend.Core.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Partners;

public static class PartnerEndpoints
{
    /// <summary>Maps the resellers' admin routes and the partner API on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("").WithTags("Partners (admin)");
        admin.MapPost(PartnerRoutes.Partners, (CreatePartnerHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("CreatePartner").WithSummary("Crée un revendeur et sa clé API (affichée une fois) pour des produits")
            .Accepts<CreatePartnerRequest>("application/json")
            .Produces<CreatePartnerResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 401, 409, 413, 415);
        admin.MapGet(PartnerRoutes.Partners, (ListPartnersHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListPartners").WithSummary("Les revendeurs et leurs produits")
            .Produces<PartnerListResponse>()
            .ProducesApiErrors(401);
        admin.MapPost(PartnerRoutes.DisablePartner, (DisablePartnerHandler handler, HttpContext context, string name) => handler.HandleAsync(context, name))
            .WithName("DisablePartner").WithSummary("Désactive un revendeur: sa clé ne sert plus (ses codes restent valables)")
            .Produces<PartnerResponse>()
            .ProducesApiErrors(401, 404);

        var partner = api.MapGroup("").WithTags("Partners");
        partner.MapPost(PartnerRoutes.ActivationCodes, (PartnerCreateCodesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("PartnerCreateActivationCodes").WithSummary("Revendeur : crée des codes d'activation d'un de ses produits")
            .Accepts<PartnerCodesRequest>("application/json")
            .Produces<ActivationCodesResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 401, 403, 413, 415, 429);
        partner.MapGet(PartnerRoutes.ActivationCodes, (PartnerListCodesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("PartnerListActivationCodes").WithSummary("Revendeur : ses codes et leur utilisation")
            .Produces<PartnerCodeListResponse>()
            .ProducesApiErrors(400, 401, 403, 429);
        return api;
    }
}
