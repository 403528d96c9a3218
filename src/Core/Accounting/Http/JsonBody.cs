using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounting.Http;

/// <summary>Reads a small JSON object body with a size cap; the caller validates its members.</summary>
internal static class JsonBody
{
    /// <returns>The parsed document, or null with <paramref name="problem"/> (field → message) set.</returns>
    public static async Task<(JsonDocument? Document, KeyValuePair<string, string>? Problem, bool TooLarge)> ReadObjectAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, null, true);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return (null, null, true);
            }
        }
        try
        {
            var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, new("body", "un objet JSON est attendu"), false);
            }
            return (document, null, false);
        }
        catch (JsonException)
        {
            return (null, new("body", "JSON invalide"), false);
        }
    }
}
