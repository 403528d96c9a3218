using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Licensing;

/// <summary>
/// Admin endpoints accept an API key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Keys come from
/// configuration and are held only as SHA-256 hashes, compared in constant time.
/// </summary>
public sealed class AdminAuthenticator
{
    public const string ApiKeyHeader = "X-Api-Key";
    private readonly List<(string Name, byte[] Hash)> _keys = [];

    public AdminAuthenticator(IOptions<LicensingSettings> options)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.AdminApiKey))
        {
            _keys.Add(("admin", ApiKeyHash.Of(settings.AdminApiKey.Trim())));
        }
        foreach (var (name, hash) in LicensingSettings.AdminKeyEntries(settings.AdminApiKeyHashes))
        {
            if (hash is not null)
            {
                _keys.Add((name, hash));
            }
        }
    }

    /// <summary>The name of the admin whose key was presented, or null.</summary>
    public string? Authenticate(HttpContext context)
    {
        var presented = Presented(context.Request);
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }
        var hash = ApiKeyHash.Of(presented);
        string? match = null;
        foreach (var (name, known) in _keys)
        {
            // Every key is compared, whichever matches, so timing says nothing about the configured keys.
            if (System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(hash, known))
            {
                match ??= name;
            }
        }
        return match;
    }

    public static IResult Unauthorized(HttpContext context)
    {
        // Neither the presented key nor any part of it is logged.
        context.RequestServices.GetService<ILogger<AdminAuthenticator>>()?.LogWarning(
            "Admin request {Method} {Route} refused: missing or wrong API key (request {RequestId})",
            context.Request.Method, (context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText, RequestId.Get(context));
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiError.Result(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
            "Clé API d'administration absente ou invalide.",
            new Dictionary<string, string> { ["authorization"] = "X-Api-Key ou Authorization: Bearer <clé> attendu" });
    }

    private static string? Presented(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyHeader].ToString();
        if (!string.IsNullOrEmpty(apiKey))
        {
            return apiKey.Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }
}
