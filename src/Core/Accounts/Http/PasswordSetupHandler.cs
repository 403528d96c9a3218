using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.PasswordSetup"/> <c>{token, password}</c>: sets the password of a new or reset
/// account with its single-use setup token (24 h). Every earlier sign-in of the account ends.
/// </summary>
public sealed class PasswordSetupHandler(
    NpgsqlDataSource dataSource,
    PasswordSetupTokens setupTokens,
    AccountStore accounts,
    SessionStore sessions,
    PasswordHasher hasher,
    AuditTrail audit,
    TimeProvider time,
    IOptions<AccountSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "token", "password" };
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var token = fields.String("token", 200, required: true);
        var password = fields.String("password", 1024, required: true);
        if (fields.HasErrors)
        {
            return AccountResults.BadRequest(context, fields);
        }
        if (!SecretToken.LooksValid(token, SecretToken.SetupPrefix))
        {
            return InvalidToken(context);
        }
        var cancel = context.RequestAborted;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        var accountId = await setupTokens.ConsumeAsync(connection, transaction, token!, now, cancel);
        if (accountId is null || await accounts.FindAsync(accountId.Value, cancel) is not { } account)
        {
            return InvalidToken(context);
        }
        if (PasswordPolicy.Problem(password!, account.Email) is { } problem)
        {
            // Rolled back: the token stays usable for a better password.
            fields.AddError("password", problem);
            return AccountResults.BadRequest(context, fields);
        }
        await accounts.SetPasswordAsync(connection, transaction, account.Id, await hasher.HashAsync(password!, cancel), now, cancel);
        await sessions.RevokeAllAsync(connection, transaction, account.Id, null, SessionStore.ReasonPasswordReset, now, cancel);
        await audit.RecordAsync(connection, transaction, Caller.Account(account.Id, account.Email, account.Role, account.TenantId, Guid.Empty),
            AuditActions.PasswordSet, account.Id.ToString(), null, cancel);
        await transaction.CommitAsync(cancel);
        return AccountResults.Ok(new SuccessResponse("Mot de passe enregistré : vous pouvez vous connecter."));
    }

    private static IResult InvalidToken(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, AccountErrorCodes.InvalidSetupToken,
            "Lien de création de mot de passe invalide, expiré ou déjà utilisé : demandez-en un nouveau.");
}
