using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.Disable"/> and <see cref="AccountRoutes.Enable"/> (admin). Disabling ends every
/// sign-in of the account at once; both are idempotent. An admin cannot disable their own account.
/// </summary>
public sealed class AccountStatusHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator admins,
    AccountStore accounts,
    SessionStore sessions,
    AuditTrail audit,
    TimeProvider time,
    ILogger<AccountStatusHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, string accountId, bool disable)
    {
        if (await admins.AuthenticateAsync(context) is not { } admin)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        if (!Guid.TryParse(accountId, out var id))
        {
            return AccountResults.NotFound(context);
        }
        if (disable && admin.AccountId == id)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Un administrateur ne peut pas désactiver son propre compte.",
                new Dictionary<string, string> { ["account_id"] = "votre propre compte" });
        }
        var cancel = context.RequestAborted;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        var row = await accounts.SetDisabledAsync(connection, transaction, id, disable ? now : null, cancel);
        if (row is null)
        {
            return AccountResults.NotFound(context);
        }
        if (disable)
        {
            await sessions.RevokeAllAsync(connection, transaction, id, null, SessionStore.ReasonAccountDisabled, now, cancel);
        }
        await audit.RecordAsync(connection, transaction, admin, disable ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, id.ToString(), null, cancel);
        await transaction.CommitAsync(cancel);
        logger.LogInformation("Account {AccountId} {Change} by {Admin} (request {RequestId})", id, disable ? "disabled" : "enabled", admin.Name, RequestId.Get(context));
        return AccountResults.Ok(new AccountResponse(row.View(), null, null));
    }
}
