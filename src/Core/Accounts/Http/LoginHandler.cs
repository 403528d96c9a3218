using Backend.Core.Http;
using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.Login"/> <c>{email, password}</c> → 200 with an access token and a refresh token.
/// A wrong password, an unknown email and a disabled account get the same 401, after the same Argon2 work.
/// </summary>
public sealed class LoginHandler(
    AccountStore accounts,
    PasswordHasher hasher,
    LoginThrottle throttle,
    ClientAddress clientAddress,
    SessionIssuer sessions,
    TimeProvider time,
    IOptions<AccountSettings> options,
    ILogger<LoginHandler> logger)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "email", "password" };
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var email = LicenseResults.EmailOf(fields);
        var password = fields.String("password", 1024, required: true);
        if (fields.HasErrors)
        {
            return AccountResults.BadRequest(context, fields);
        }
        var cancel = context.RequestAborted;
        var now = time.GetUtcNow();
        var decision = await throttle.HitAsync(email!, clientAddress.RateLimitSubject(clientAddress.Of(context)), now, cancel);
        if (!decision.Allowed)
        {
            logger.LogWarning("Sign-in throttled (request {RequestId})", RequestId.Get(context));
            return AccountResults.RateLimited(context, decision);
        }
        var account = await accounts.FindByEmailAsync(email!, cancel);
        var (valid, needsRehash) = await hasher.VerifyAsync(password!, account?.PasswordHash, cancel);
        if (!valid || account is null || account.DisabledAt is not null)
        {
            await throttle.RecordFailureAsync(now, cancel);
            // The email is not logged: a typed password sometimes lands in the email field.
            logger.LogWarning("Sign-in refused (request {RequestId})", RequestId.Get(context));
            return AccountResults.InvalidCredentials(context);
        }
        var upgraded = needsRehash ? await hasher.HashAsync(password!, cancel) : null;
        await accounts.RecordLoginAsync(account.Id, now, upgraded, cancel);
        await throttle.ClearAccountAsync(email!, cancel);
        logger.LogInformation("Account {AccountId} signed in{Upgrade} (request {RequestId})", account.Id, upgraded is null ? "" : ", password hash upgraded", RequestId.Get(context));
        return AccountResults.Ok(await sessions.SignInAsync(context, account));
    }
}
