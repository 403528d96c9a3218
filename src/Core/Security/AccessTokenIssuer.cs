using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Backend.Core.Security;

/// <summary>Signs access tokens (JWT, HS256) with the active key: <c>sub, role, tenant, sid, jti, iat, exp</c>.</summary>
public sealed class AccessTokenIssuer(AccessTokenKeys keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => keys.Lifetime;

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid accountId, string role, Guid? tenantId, Guid sessionId)
    {
        var now = time.GetUtcNow();
        // JWT times are whole seconds; cutting here keeps exp exactly Lifetime after iat.
        now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = now + keys.Lifetime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = accountId.ToString(),
            ["role"] = role,
            ["sid"] = sessionId.ToString(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        };
        if (tenantId is not null)
        {
            claims["tenant"] = tenantId.Value.ToString();
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AccessTokenKeys.Issuer,
            Audience = AccessTokenKeys.Audience,
            TokenType = AccessTokenKeys.TokenType,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Active, AccessTokenKeys.Algorithm),
        });
        return (token, expiresAt);
    }
}
