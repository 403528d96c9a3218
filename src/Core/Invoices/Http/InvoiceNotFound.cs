using Backend.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>The seed's 404 "Facture introuvable"; also what another tenant's invoice looks like.</summary>
public static class InvoiceNotFound
{
    public static IResult Result(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Facture introuvable");
}
