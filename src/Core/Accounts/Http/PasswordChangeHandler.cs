using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.PasswordChange"/> <c>{current_password, new_password}</c> with one's own access
/// token: changes the password and ends every other sign-in of the account (this one stays).
/// </summary>
public sealed class PasswordChangeHandler(
    NpgsqlDataSource dataSource,
    BearerTokenAuthenticator tokens,
    AccountStore accounts,
    SessionStore sessions,
    PasswordHasher hasher,
    LoginThrottle throttle,
    ClientAddress clientAddress,
    AuditTrail audit,
    TimeProvider time,
    IOptions<AccountSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "current_password", "new_password" };
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancel = context.RequestAborted;
        var caller = await tokens.AuthenticateAsync(BearerTokenAuthenticator.BearerOf(context.Request), null, cancel);
        if (caller is null)
        {
            return AccountResults.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var current = fields.String("current_password", 1024, required: true);
        var next = fields.String("new_password", 1024, required: true);
        if (fields.HasErrors)
        {
            return AccountResults.BadRequest(context, fields);
        }
        var now = time.GetUtcNow();
        // A stolen access token must not become a way to guess the password: the sign-in limits apply here too.
        var decision = await throttle.HitAsync(caller.Name, clientAddress.RateLimitSubject(clientAddress.Of(context)), now, cancel);
        if (!decision.Allowed)
        {
            return AccountResults.RateLimited(context, decision);
        }
        var account = await accounts.FindAsync(caller.AccountId!.Value, cancel);
        var (valid, _) = await hasher.VerifyAsync(current!, account?.PasswordHash, cancel);
        if (!valid || account is null)
        {
            await throttle.RecordFailureAsync(now, cancel);
            fields.AddError("current_password", "mot de passe actuel incorrect");
            return AccountResults.BadRequest(context, fields);
        }
        if (PasswordPolicy.Problem(next!, account.Email) is { } problem)
        {
            fields.AddError("new_password", problem);
            return AccountResults.BadRequest(context, fields);
        }
        var hash = await hasher.HashAsync(next!, cancel);
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await accounts.SetPasswordAsync(connection, transaction, account.Id, hash, now, cancel);
        var ended = await sessions.RevokeAllAsync(connection, transaction, account.Id, caller.SessionId, SessionStore.ReasonPasswordChanged, now, cancel);
        await audit.RecordAsync(connection, transaction, caller, AuditActions.PasswordChanged, account.Id.ToString(), new { other_sessions_ended = ended }, cancel);
        await transaction.CommitAsync(cancel);
        await throttle.ClearAccountAsync(account.Email, cancel);
        return AccountResults.Ok(new SuccessResponse(ended == 0 ? "Mot de passe changé." : $"Mot de passe changé ; {ended} autre(s) session(s) fermée(s)."));
    }
}
