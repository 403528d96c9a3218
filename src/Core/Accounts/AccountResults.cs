using System.Globalization;
using Backend.Core.Http;
using Backend.Core.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounts;

/// <summary>The recurring answers of the auth and account endpoints.</summary>
internal static class AccountResults
{
    public static IResult Ok<T>(T body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, JsonDefaults.SnakeCase, statusCode: statusCode);

    public static IResult BadRequest(HttpContext context, RequestFields fields) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);

    public static IResult InvalidCredentials(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiError.Result(context, StatusCodes.Status401Unauthorized, AccountErrorCodes.InvalidCredentials, "Adresse e-mail ou mot de passe incorrect.");
    }

    public static IResult InvalidRefreshToken(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status401Unauthorized, AccountErrorCodes.InvalidRefreshToken,
            "Session expirée ou révoquée : reconnectez-vous.");

    public static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiError.Result(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Jeton d'accès absent, invalide ou expiré.");
    }

    public static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, AccountErrorCodes.AccountNotFound, "Compte introuvable.");

    public static IResult RateLimited(HttpContext context, RateLimitDecision decision)
    {
        Telemetry.LicensingMetrics.RateLimited(context);
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ApiError.Result(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
            "Trop de tentatives de connexion. Réessayez plus tard.",
            extra: new Dictionary<string, object?> { ["retry_after"] = decision.RetryAfterSeconds });
    }
}
