using Backend.Core.Http;
using Backend.Core.Licensing;

namespace Backend.Core.Products;

/// <summary>Reads the members shared by product creation and update, recording each problem against its field.</summary>
internal static class ProductFields
{
    public static string? Name(RequestFields fields, bool required)
    {
        var name = fields.String("name", 100, required)?.Trim();
        if (name is { Length: 0 })
        {
            fields.AddError("name", "requis");
            return null;
        }
        return name;
    }

    public static int? TrialDays(RequestFields fields, bool required) => fields.Int("trial_days", 1, 365, required);

    public static IReadOnlyList<string>? LicenseTypesOf(RequestFields fields)
    {
        var types = fields.StringList("license_types", 4, 20, required: false);
        if (types is not null && !types.All(LicenseTypes.IsKnown))
        {
            fields.AddError("license_types", "trial, monthly, annual ou lifetime");
            return null;
        }
        return types;
    }

    /// <summary>An absolute http(s) URL; empty is returned as is (update: clears it).</summary>
    public static string? RenewalUrl(RequestFields fields)
    {
        var url = fields.String("renewal_url", 500, required: false);
        if (url is { Length: > 0 } && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            fields.AddError("renewal_url", "URL http(s) absolue attendue");
            return null;
        }
        return url;
    }

    public static Microsoft.AspNetCore.Http.IResult BadRequest(Microsoft.AspNetCore.Http.HttpContext context, RequestFields fields) =>
        ApiError.Result(context, Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
}
