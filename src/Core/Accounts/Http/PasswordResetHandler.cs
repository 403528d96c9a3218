using Backend.Core.Audit;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.PasswordReset"/> (admin): clears the password, ends every sign-in of the account and
/// answers a new single-use setup token (24 h) to hand to its owner; earlier setup tokens stop working.
/// </summary>
public sealed class PasswordResetHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator admins,
    AccountStore accounts,
    SessionStore sessions,
    PasswordSetupTokens setupTokens,
    AuditTrail audit,
    TimeProvider time,
    IOptions<AccountSettings> options)
{
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context, string accountId)
    {
        if (await admins.AuthenticateAsync(context) is not { } admin)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        if (!Guid.TryParse(accountId, out var id))
        {
            return AccountResults.NotFound(context);
        }
        var cancel = context.RequestAborted;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        if (await accounts.FindAsync(id, cancel) is null)
        {
            return AccountResults.NotFound(context);
        }
        await accounts.SetPasswordAsync(connection, transaction, id, null, now, cancel);
        await sessions.RevokeAllAsync(connection, transaction, id, null, SessionStore.ReasonPasswordReset, now, cancel);
        var (token, expiresAt) = await setupTokens.IssueAsync(connection, transaction, id, now, TimeSpan.FromHours(_settings.PasswordSetupHours), cancel);
        await audit.RecordAsync(connection, transaction, admin, AuditActions.AccountPasswordReset, id.ToString(), null, cancel);
        await transaction.CommitAsync(cancel);
        var row = await accounts.FindAsync(id, cancel);
        context.Response.Headers.CacheControl = "no-store";
        return AccountResults.Ok(new AccountResponse(row!.View(), token, expiresAt));
    }
}
