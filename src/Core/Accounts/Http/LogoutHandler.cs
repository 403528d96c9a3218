using Backend.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.Logout"/> <c>{refresh_token}</c> (or the refresh cookie): revokes the sign-in the
/// token belongs to, its access tokens included, and clears the cookie. Idempotent: an unknown or spent token is a 200 too.
/// </summary>
public sealed class LogoutHandler(SessionStore sessions, TimeProvider time, IOptions<AccountSettings> options, ILogger<LogoutHandler> logger)
{
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (token, error) = await RefreshTokenInput.ReadAsync(context, _settings.MaxBodyBytes);
        if (error is not null)
        {
            return error;
        }
        if (token is not null && await sessions.RevokeByTokenAsync(token, SessionStore.ReasonLogout, time.GetUtcNow(), context.RequestAborted))
        {
            logger.LogInformation("Signed out (request {RequestId})", RequestId.Get(context));
        }
        RefreshCookie.Clear(context.Response);
        return AccountResults.Ok(new SuccessResponse("Déconnecté."));
    }
}
