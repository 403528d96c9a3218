using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.Refresh"/> <c>{refresh_token}</c> (or the refresh cookie) → a new token pair.
/// Each refresh token works once; presenting a consumed one revokes every token of its sign-in and is logged.
/// </summary>
public sealed class RefreshHandler(
    SessionStore sessions,
    SessionIssuer issuer,
    AccountStore accounts,
    AuditTrail audit,
    TimeProvider time,
    IOptions<AccountSettings> options,
    ILogger<RefreshHandler> logger)
{
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (token, error) = await RefreshTokenInput.ReadAsync(context, _settings.MaxBodyBytes);
        if (error is not null)
        {
            return error;
        }
        if (token is null)
        {
            return AccountResults.InvalidRefreshToken(context);
        }
        var cancel = context.RequestAborted;
        var outcome = await sessions.RotateAsync(token, time.GetUtcNow(), issuer.RefreshLifetime, cancel);
        if (outcome.Kind == RefreshOutcomeKind.Rotated && await accounts.FindAsync(outcome.AccountId!.Value, cancel) is { } account)
        {
            return AccountResults.Ok(issuer.Answer(context, account, outcome.FamilyId!.Value, outcome.NextToken!));
        }
        if (outcome.Kind == RefreshOutcomeKind.ReuseDetected && await accounts.FindAsync(outcome.AccountId!.Value, cancel) is { } victim)
        {
            logger.LogWarning("Refresh token reused: session {SessionId} of account {AccountId} revoked (request {RequestId})",
                outcome.FamilyId, victim.Id, RequestId.Get(context));
            await audit.RecordAsync(Caller.Account(victim.Id, victim.Email, victim.Role, victim.TenantId, outcome.FamilyId!.Value),
                AuditActions.RefreshTokenReused, outcome.FamilyId.ToString(), null, cancel);
        }
        RefreshCookie.Clear(context.Response);
        return AccountResults.InvalidRefreshToken(context);
    }
}
