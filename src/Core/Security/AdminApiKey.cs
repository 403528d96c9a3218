using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Core.Security;

/// <summary>Checks the <c>X-Admin-Key</c> header (or <c>Authorization: Bearer</c>) against <c>Licensing__AdminApiKey</c> in constant time.</summary>
public sealed class AdminApiKey(IOptions<AdminApiKeySettings> settings)
{
    public const string HeaderName = "X-Admin-Key";

    public bool IsConfigured => !string.IsNullOrEmpty(settings.Value.AdminApiKey);

    public bool IsAuthorized(HttpRequest request)
    {
        var expected = settings.Value.AdminApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }
        var supplied = request.Headers[HeaderName].ToString();
        if (supplied.Length == 0)
        {
            var authorization = request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                supplied = authorization["Bearer ".Length..].Trim();
            }
        }
        // Hashing first makes the comparison length-independent as well as constant-time.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(supplied)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
