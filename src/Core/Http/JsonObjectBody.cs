using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Http;

/// <summary>
/// Reads a request body that must be one JSON object, capped in size, with a known set of members.
/// Every rejection is the error envelope: 415 for a non-JSON content type, 413 for an oversize body,
/// 400 <c>INVALID_REQUEST</c> with <c>details</c> naming the member (or <c>body</c>) otherwise.
/// </summary>
public sealed class JsonObjectBody
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    private JsonObjectBody(RequestFields? fields, IResult? error)
    {
        Fields = fields;
        Error = error;
    }

    public RequestFields? Fields { get; }

    public IResult? Error { get; }

    public static async Task<JsonObjectBody> ReadAsync(HttpContext context, int maxBytes, IReadOnlySet<string> allowedMembers, bool allowEmpty = false)
    {
        var (body, error) = await ReadBytesAsync(context, maxBytes);
        return error is not null ? Fail(error) : Parse(context, body, allowedMembers, allowEmpty);
    }

    /// <summary>The body's bytes, or the 415/413 answer; for a handler that tries its own parse first (validate) and else calls <see cref="Parse"/>.</summary>
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Error)> ReadBytesAsync(HttpContext context, int maxBytes)
    {
        var request = context.Request;
        if (!string.IsNullOrEmpty(request.ContentType) && !IsJson(request.ContentType))
        {
            return (default, ApiError.Result(context, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "Le corps de la requête doit être du JSON.", new Dictionary<string, string> { ["content_type"] = "application/json attendu" }));
        }
        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(context, maxBytes));
        }
        var buffer = new byte[Math.Min(maxBytes + 1, (int?)request.ContentLength + 1 ?? maxBytes + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return (default, TooLarge(context, maxBytes));
                }
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted);
            if (read == 0)
            {
                break;
            }
            length += read;
            if (length > maxBytes)
            {
                return (default, TooLarge(context, maxBytes));
            }
        }
        return (buffer.AsMemory(0, length), null);
    }

    /// <summary>Parses a body read by <see cref="ReadBytesAsync"/>: one JSON object with only <paramref name="allowedMembers"/>.</summary>
    public static JsonObjectBody Parse(HttpContext context, ReadOnlyMemory<byte> body, IReadOnlySet<string> allowedMembers, bool allowEmpty = false)
    {
        if (body.IsEmpty || body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty
                ? new JsonObjectBody(new RequestFields(default), null)
                : Fail(Invalid(context, "body", "Un objet JSON est requis."));
        }
        // The parser checks UTF-8 only when a string is read, which would then throw from the handler: refuse it here.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return Fail(Invalid(context, "body", "Le corps n'est pas de l'UTF-8 valide."));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            return Fail(Invalid(context, "body", $"JSON invalide (ligne {e.LineNumber + 1}, position {e.BytePositionInLine + 1})."));
        }
        using (document)
        {
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(Invalid(context, "body", "Un objet JSON est attendu."));
            }
            var unknown = root.EnumerateObject().Where(p => !allowedMembers.Contains(p.Name)).Select(p => p.Name).ToList();
            if (unknown.Count > 0)
            {
                return Fail(ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête malformée : champ inconnu.",
                    unknown.Take(10).ToDictionary(n => Truncate(n), _ => "champ inconnu")));
            }
            return new JsonObjectBody(new RequestFields(root), null);
        }
    }

    private static JsonObjectBody Fail(IResult error) => new(null, error);

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge(HttpContext context, int maxBytes) =>
        ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Corps de requête trop volumineux.",
            new Dictionary<string, string> { ["body"] = $"au plus {maxBytes} octets" });

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête malformée.",
            new Dictionary<string, string> { [field] = problem });

    private static string Truncate(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
