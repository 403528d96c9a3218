using Backend.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Licensing;

public static class LicensingEndpoints
{
    /// <summary>Maps the license API on <paramref name="api"/> (the <c>/api</c> group), with the metadata the OpenAPI document is built from.</summary>
    public static IEndpointRouteBuilder MapLicensingEndpoints(this IEndpointRouteBuilder api)
    {
        var licenses = api.MapGroup("").WithTags("Licenses");
        licenses.MapPost(LicenseRoutes.Trial, (TrialHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("CreateTrial").WithSummary("Crée une licence trial de 30 jours, une par machine")
            .Accepts<TrialRequest>("application/json")
            .Produces<LicenseIssuedResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 409, 413, 415, 429);
        licenses.MapPost(LicenseRoutes.Activate, (ActivateHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ActivateLicense").WithSummary("Active une licence payante avec un code à usage unique")
            .Accepts<ActivateRequest>("application/json")
            .Produces<LicenseIssuedResponse>()
            .ProducesApiErrors(400, 403, 404, 413, 415, 429);
        licenses.MapPost(LicenseRoutes.Validate, (ValidateHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ValidateLicense").WithSummary("Valide une clé de licence pour une machine")
            .Accepts<ValidateRequest>("application/json")
            .Produces<ValidationResponse>()
            .ProducesApiErrors(400, 404, 413, 415, 429);
        licenses.MapPost(LicenseRoutes.Heartbeat, (HeartbeatHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("LicenseHeartbeat").WithSummary("Enregistre version et OS d'une machine licenciée (1 par 24 h)")
            .Accepts<HeartbeatRequest>("application/json")
            .Produces<HeartbeatResponse>()
            .ProducesApiErrors(400, 404, 413, 415, 429);
        licenses.MapGet(LicenseRoutes.PublicKey, (PublicKeyHandler handler, HttpContext context) => handler.Handle(context))
            .WithName("LicensePublicKeys").WithSummary("Clés publiques de vérification hors ligne, par identifiant de clé")
            .Produces<PublicKeyResponse>();

        var admin = api.MapGroup("").WithTags("Licenses (admin)");
        admin.MapDelete(LicenseRoutes.Revoke, (RevokeHandler handler, HttpContext context, string machineId) => handler.HandleAsync(context, machineId))
            .WithName("RevokeLicense").WithSummary("Révoque la licence d'une machine (idempotent)")
            .Accepts<RevokeRequest>(isOptional: true, "application/json")
            .Produces<RevokeResponse>()
            .ProducesApiErrors(400, 401, 404, 413, 415);
        admin.MapPost(LicenseRoutes.ActivationCodes, (ActivationCodesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("CreateActivationCodes").WithSummary("Crée des codes d'activation")
            .Accepts<CreateActivationCodesRequest>("application/json")
            .Produces<ActivationCodesResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 401, 413, 415);
        admin.MapGet(LicenseRoutes.Revoke, (LicenseDetailHandler handler, HttpContext context, string machineId) => handler.HandleAsync(context, machineId))
            .WithName("GetLicense").WithSummary("Une licence : sa clé décodée et son historique (essai, activation, validations, heartbeats) ; ?product= pour une machine à plusieurs produits")
            .Produces<LicenseDetailResponse>()
            .ProducesApiErrors(400, 401, 404);
        admin.MapGet(LicenseRoutes.ActivationCodes, (ActivationCodeListHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListActivationCodes").WithSummary("Codes d'activation : ?status=used|unused|expired&product=&page=&page_size=, avec qui les a utilisés")
            .Produces<ActivationCodeListResponse>()
            .ProducesApiErrors(400, 401);
        admin.MapGet(LicenseRoutes.Search, (LicenseSearchHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("SearchLicenses").WithSummary("Recherche de licences: ?email=&machine_id=&type=&status=&expires_after=&expires_before=&product=&page=&page_size=")
            .Produces<LicenseSearchResponse>()
            .ProducesApiErrors(400, 401);
        admin.MapGet(LicenseRoutes.CsvExport, (LicenseCsvExportHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ExportLicensesCsv").WithSummary("Export CSV des licences (mêmes filtres que la recherche)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesApiErrors(400, 401);
        admin.MapGet(LicenseRoutes.Stats, (LicenseStatsHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("LicenseStats").WithSummary("Statistiques: licences par type et statut, trials, heartbeats, validations: ?days=&product=")
            .Produces<LicenseStatsResponse>()
            .ProducesApiErrors(400, 401, 404);
        return api;
    }
}
