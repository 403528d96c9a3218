using Microsoft.AspNetCore.Http;

namespace Backend.Core.Http;

/// <summary>
/// The id that ties a response to its log lines: the caller's <c>X-Request-Id</c> when it is sane,
/// else a fresh UUID. Computed once per request and echoed in the response header.
/// </summary>
public static class RequestId
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 64;
    private static readonly object ItemKey = new();

    public static string Get(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string id)
        {
            return id;
        }
        var supplied = context.Request.Headers[HeaderName].ToString();
        id = IsAcceptable(supplied) ? supplied : Guid.NewGuid().ToString();
        context.Items[ItemKey] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        return id;
    }

    // Only characters that cannot forge log lines or headers.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
