using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounts;

/// <summary>
/// The refresh token for browsers: <c>HttpOnly</c> (the page's script never holds it), <c>Secure</c>,
/// <c>SameSite=Strict</c> (no cross-site request carries it) and limited to the auth routes.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "ef_refresh";
    public const string Path = "/api/v1/auth";

    public static void Set(HttpResponse response, string token, DateTimeOffset expiresAt) =>
        response.Cookies.Append(Name, token, Options(expiresAt));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(null));

    public static string? Of(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && value.Length > 0 ? value : null;

    private static CookieOptions Options(DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        Expires = expiresAt,
        IsEssential = true,
    };
}
