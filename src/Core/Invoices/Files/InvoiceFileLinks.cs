using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Backend.Core.Invoices.Files;

/// <summary>
/// Signed, expiring links to an invoice's original file, for a browser that cannot send the API key:
/// <c>/api/invoices/{id}/file?tenant=…&amp;expires=…&amp;kid=…&amp;sig=…</c>, where <c>sig</c> is HMAC-SHA256 over
/// tenant, invoice and expiry. The HMAC key is derived from the encryption key <c>kid</c> (no new secret to hold),
/// so a link keeps opening after a key rotation as long as the old key stays configured.
/// </summary>
public sealed class InvoiceFileLinks(FieldCipher cipher, IOptions<InvoicePipelineSettings> options, TimeProvider time)
{
    private const string Purpose = "easyfacture invoice file link v1";
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.FileLinkLifetimeMinutes);

    public (string Url, DateTimeOffset ExpiresAt) Issue(HttpContext context, Guid tenantId, Guid invoiceId)
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds());
        var expires = expiresAt.ToUnixTimeSeconds();
        var keyId = cipher.ActiveKeyId;
        var signature = Sign(cipher.DeriveKey(keyId, Purpose)!, tenantId, invoiceId, expires);
        var request = context.Request;
        var path = "/api/" + InvoiceRoutes.InvoiceFile.Replace("{id}", invoiceId.ToString(), StringComparison.Ordinal);
        var query = string.Create(CultureInfo.InvariantCulture,
            $"tenant={tenantId}&expires={expires}&kid={Uri.EscapeDataString(keyId)}&sig={WebEncoders.Base64UrlEncode(signature)}");
        return ($"{request.Scheme}://{request.Host}{request.PathBase}{path}?{query}", expiresAt);
    }

    /// <returns>The link's tenant, or null with the reason (French, safe to show) when the link is expired or not ours.</returns>
    public (Guid? TenantId, string? Problem) Check(IQueryCollection query, Guid invoiceId)
    {
        if (!Guid.TryParse(query["tenant"].ToString(), out var tenantId)
            || !long.TryParse(query["expires"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || query["kid"].ToString() is not { Length: > 0 } keyId
            || !TryDecode(query["sig"].ToString(), out var presented))
        {
            return (null, "lien incomplet");
        }
        var key = FieldCipher.IsValidKeyId(keyId) ? cipher.DeriveKey(keyId, Purpose) : null;
        // The signature is checked before the expiry, so a forged expiry learns nothing from the answer.
        if (key is null || !CryptographicOperations.FixedTimeEquals(Sign(key, tenantId, invoiceId, expires), presented))
        {
            return (null, "signature invalide");
        }
        if (expires <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return (null, "lien expiré");
        }
        return (tenantId, null);
    }

    public static bool IsSigned(IQueryCollection query) => query.ContainsKey("sig");

    private static byte[] Sign(byte[] key, Guid tenantId, Guid invoiceId, long expires) =>
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tenantId:N}.{invoiceId:N}.{expires}")));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length is 0 or > 64)
        {
            return false;
        }
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
