using Backend.Core.Http;
using Backend.Core.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Licensing;

/// <summary>The license API's recurring answers, so every handler words them the same way.</summary>
internal static class LicenseResults
{
    public static IResult Ok<T>(T body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, JsonDefaults.SnakeCase, statusCode: statusCode);

    /// <summary>400 naming every bad field; machine_id problems get the seed's own codes.</summary>
    public static IResult BadRequest(HttpContext context, RequestFields fields)
    {
        if (fields.Errors.TryGetValue("machine_id", out var problem))
        {
            return problem == "requis"
                ? ApiError.Result(context, StatusCodes.Status400BadRequest, LicenseErrorCodes.MachineIdRequired, "Machine ID manquant.", fields.Errors)
                : ApiError.Result(context, StatusCodes.Status400BadRequest, LicenseErrorCodes.InvalidMachineId,
                    "Format de Machine ID invalide : 32 caractères hexadécimaux attendus.", fields.Errors);
        }
        return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
    }

    public static IResult RateLimited(HttpContext context, RateLimitDecision decision)
    {
        Telemetry.LicensingMetrics.RateLimited(context);
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiError.Result(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
            $"Trop de requêtes. Réessayez dans {Describe(decision.RetryAfterSeconds)}.",
            extra: new Dictionary<string, object?> { ["retry_after"] = decision.RetryAfterSeconds });
    }

    public static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, LicenseErrorCodes.LicenseNotFound, "Licence introuvable.");

    /// <summary>Reads and checks <c>machine_id</c>, recording <c>requis</c> or the format problem against the field.</summary>
    public static string? MachineIdOf(RequestFields fields)
    {
        var raw = fields.String("machine_id", 256, required: true);
        if (raw is null)
        {
            return null;
        }
        if (!MachineId.TryNormalize(raw, out var machineId))
        {
            fields.AddError("machine_id", "32 caractères hexadécimaux attendus");
            return null;
        }
        return machineId;
    }

    public static string? EmailOf(RequestFields fields)
    {
        var email = fields.String("email", EmailAddress.MaxLength, required: true);
        if (email is null)
        {
            return null;
        }
        email = EmailAddress.Normalize(email);
        if (!EmailAddress.IsValid(email))
        {
            fields.AddError("email", "adresse e-mail invalide");
            return null;
        }
        return email;
    }

    private static string Describe(int seconds) => seconds switch
    {
        >= 7200 => $"{Math.Ceiling(seconds / 3600.0)} heures",
        >= 3600 => "1 heure",
        >= 120 => $"{Math.Ceiling(seconds / 60.0)} minutes",
        _ => $"{seconds} secondes",
    };
}
