using Microsoft.AspNetCore.Http;

namespace Backend.Core.Licensing;

internal static class UserAgent
{
    private const int MaxLength = 500;

    public static string? Of(HttpContext context)
    {
        var value = context.Request.Headers.UserAgent.ToString();
        return value.Length == 0 ? null : value.Length <= MaxLength ? value : value[..MaxLength];
    }
}
