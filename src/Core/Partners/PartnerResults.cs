using Backend.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Partners;

internal static class PartnerResults
{
    public static IResult BadRequest(HttpContext context, RequestFields fields) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);

    /// <summary>A reseller asking for a product it does not sell.</summary>
    public static IResult ProductNotAllowed(HttpContext context, string product) =>
        ApiError.Result(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Ce produit n'est pas ouvert à votre clé de revendeur.",
            new Dictionary<string, string> { ["product"] = $"{product} non autorisé" });
}
