using Backend.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Security;

/// <summary>
/// Admin endpoints accept an API key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>, or an admin account's
/// access token as <c>Authorization: Bearer</c>. Keys come from configuration and are held only as SHA-256 hashes,
/// compared in constant time. A tenant user's token never opens the admin API.
/// </summary>
public sealed class AdminAuthenticator
{
    public const string ApiKeyHeader = "X-Api-Key";
    private readonly List<(string Name, byte[] Hash)> _keys = [];
    private readonly BearerTokenAuthenticator _tokens;

    public AdminAuthenticator(IOptions<AdminApiKeySettings> options, BearerTokenAuthenticator tokens)
    {
        _tokens = tokens;
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.AdminApiKey))
        {
            _keys.Add(("admin", ApiKeyHash.Of(settings.AdminApiKey.Trim())));
        }
        foreach (var (name, hash) in settings.HashedKeys())
        {
            if (hash is not null)
            {
                _keys.Add((name, hash));
            }
        }
    }

    /// <summary>The admin (named key or admin account) the request acts for, recorded on the request; null when refused.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpContext context)
    {
        var presented = Presented(context.Request);
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }
        if (KeyName(presented) is { } name)
        {
            return Caller.ApiKey(name).Attach(context);
        }
        var bearer = BearerTokenAuthenticator.BearerOf(context.Request);
        var account = await _tokens.AuthenticateAsync(bearer, AccountRoles.Admin, context.RequestAborted);
        return account?.Attach(context);
    }

    private string? KeyName(string presented)
    {
        if (presented.Length > 512)
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
            "Clé API d'administration ou jeton d'administrateur absent ou invalide.",
            new Dictionary<string, string> { ["authorization"] = "X-Api-Key ou Authorization: Bearer <clé ou jeton d'accès> attendu" });
    }

    private static string? Presented(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyHeader].ToString();
        if (!string.IsNullOrEmpty(apiKey))
        {
            return apiKey.Trim();
        }
        return BearerTokenAuthenticator.BearerOf(request);
    }
}
