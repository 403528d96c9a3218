using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounts;

/// <summary>Builds the token answer of a sign-in or a refresh, and puts the refresh token in the cookie as well.</summary>
public sealed class SessionIssuer(AccessTokenIssuer accessTokens, SessionStore sessions, TimeProvider time, IOptions<AccountSettings> options)
{
    public TimeSpan RefreshLifetime { get; } = TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public async Task<TokenResponse> SignInAsync(HttpContext context, AccountRow account)
    {
        var (familyId, refreshToken) = await sessions.StartAsync(account.Id, time.GetUtcNow(), RefreshLifetime, context.RequestAborted);
        return Answer(context, account, familyId, refreshToken);
    }

    public TokenResponse Answer(HttpContext context, AccountRow account, Guid familyId, string refreshToken)
    {
        var (accessToken, _) = accessTokens.Issue(account.Id, account.Role, account.TenantId, familyId);
        var refreshExpiresAt = time.GetUtcNow() + RefreshLifetime;
        RefreshCookie.Set(context.Response, refreshToken, refreshExpiresAt);
        context.Response.Headers.CacheControl = "no-store";
        return new TokenResponse(accessToken, (int)accessTokens.Lifetime.TotalSeconds,
            refreshToken, refreshExpiresAt, account.SignedIn());
    }
}
