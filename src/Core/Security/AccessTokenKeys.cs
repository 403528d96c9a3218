using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Backend.Core.Security;

/// <summary>The configured signing keys by id; the active one signs, all of them validate (rotation).</summary>
public sealed class AccessTokenKeys
{
    public const string Issuer = "easyfacture-backend";
    public const string Audience = "easyfacture-api";
    public const string TokenType = "at+jwt";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    public AccessTokenKeys(IOptions<AccessTokenSettings> options)
    {
        var settings = options.Value;
        All = settings.Keys
            .Select(k => (Id: k.Key, Bytes: AccessTokenSettings.Decode(k.Value)))
            .Where(k => k.Bytes is not null)
            .Select(k => new SymmetricSecurityKey(k.Bytes) { KeyId = k.Id })
            .ToList();
        Active = All.Single(k => k.KeyId == settings.ActiveKeyId);
        Lifetime = TimeSpan.FromMinutes(settings.LifetimeMinutes);
        ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds);
    }

    public SymmetricSecurityKey Active { get; }

    public IReadOnlyList<SymmetricSecurityKey> All { get; }

    public TimeSpan Lifetime { get; }

    public TimeSpan ClockSkew { get; }
}
