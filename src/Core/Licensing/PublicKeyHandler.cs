using Microsoft.AspNetCore.Http;

namespace Backend.Core.Licensing;

/// <summary><c>GET licenses/public-key</c>: every key that verifies licenses, by key id, for offline verification.</summary>
public sealed class PublicKeyHandler(LicenseSigningKeys keys)
{
    public IResult Handle(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        var entries = keys.PublicKeys
            .Select(k => new PublicKeyEntry(k.KeyId, k.SubjectPublicKeyInfo,
                new string(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", Convert.FromBase64String(k.SubjectPublicKeyInfo))), k.Current))
            .ToList();
        return LicenseResults.Ok(new PublicKeyResponse("ES256", keys.CurrentKeyId, entries));
    }
}
