using Backend.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounts.Http;

/// <summary>The refresh token of a request: <c>refresh_token</c> in the JSON body, else the HttpOnly cookie.</summary>
internal static class RefreshTokenInput
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "refresh_token" };

    /// <returns>The token when it has the right shape (null otherwise), or the 4xx answer for a malformed body.</returns>
    public static async Task<(string? Token, IResult? Error)> ReadAsync(HttpContext context, int maxBodyBytes)
    {
        var body = await JsonObjectBody.ReadAsync(context, maxBodyBytes, Members, allowEmpty: true);
        if (body.Error is not null)
        {
            return (null, body.Error);
        }
        var fields = body.Fields!;
        var token = fields.String("refresh_token", 200, required: false);
        if (fields.HasErrors)
        {
            return (null, AccountResults.BadRequest(context, fields));
        }
        token ??= RefreshCookie.Of(context.Request);
        return (SecretToken.LooksValid(token, SecretToken.RefreshPrefix) ? token : null, null);
    }
}
