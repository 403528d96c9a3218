using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Backend.Core.Security;

/// <summary>
/// Checks an access token with Microsoft.IdentityModel: HS256 only (so <c>alg: none</c> and algorithm swaps fail),
/// a known key id, issuer, audience, token type and lifetime against the application clock with a small skew.
/// Says nothing about why a token failed: every failure is the same null.
/// </summary>
public sealed class AccessTokenValidator
{
    public const int MaxTokenLength = 4096;
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TokenValidationParameters _parameters;

    public AccessTokenValidator(AccessTokenKeys keys, TimeProvider time)
    {
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = AccessTokenKeys.Issuer,
            ValidAudience = AccessTokenKeys.Audience,
            ValidTypes = [AccessTokenKeys.TokenType],
            ValidAlgorithms = [AccessTokenKeys.Algorithm],
            IssuerSigningKeys = keys.All,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = keys.ClockSkew,
            // The library's own check reads the system clock; ours reads the application's, which tests move.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is not null
                    && now < expires.Value.ToUniversalTime() + parameters.ClockSkew
                    && (notBefore is null || now + parameters.ClockSkew >= notBefore.Value.ToUniversalTime());
            },
        };
    }

    /// <summary>True for strings shaped like a JWS (three base64url parts), so API keys and tokens can share the Bearer header.</summary>
    public static bool LooksLikeToken(string presented) =>
        presented.Length is > 20 and <= MaxTokenLength && presented.Count(c => c == '.') == 2;

    public async Task<AccessTokenClaims?> ValidateAsync(string token)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }
        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(token, _parameters);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or SecurityTokenException)
        {
            return null;
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }
        if (!jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var sub) || !Guid.TryParse(sub, out var accountId)
            || !jwt.TryGetPayloadValue<string>("role", out var role) || !AccountRoles.IsKnown(role)
            || !jwt.TryGetPayloadValue<string>("sid", out var sid) || !Guid.TryParse(sid, out var sessionId)
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti))
        {
            return null;
        }
        Guid? tenantId = null;
        if (jwt.TryGetPayloadValue<string>("tenant", out var tenant))
        {
            if (!Guid.TryParse(tenant, out var parsed))
            {
                return null;
            }
            tenantId = parsed;
        }
        if ((role == AccountRoles.TenantUser) != (tenantId is not null))
        {
            return null;
        }
        return new AccessTokenClaims(accountId, role!, tenantId, sessionId, jti!, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}
