using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounts.Http;

/// <summary>
/// <c>POST</c> <see cref="AccountRoutes.Accounts"/> <c>{email, role, tenant_id?, display_name, password?}</c> (admin) → 201.
/// Without a password the answer carries a single-use setup token for <see cref="AccountRoutes.PasswordSetup"/>.
/// </summary>
public sealed class CreateAccountHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator admins,
    AccountStore accounts,
    PasswordSetupTokens setupTokens,
    PasswordHasher hasher,
    AuditTrail audit,
    TimeProvider time,
    IOptions<AccountSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "email", "role", "tenant_id", "display_name", "password" };
    private readonly AccountSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await admins.AuthenticateAsync(context) is not { } admin)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var email = LicenseResults.EmailOf(fields);
        var role = fields.String("role", 20, required: true);
        if (role is not null && !AccountRoles.IsKnown(role))
        {
            fields.AddError("role", "admin ou tenant_user");
        }
        var tenantText = fields.String("tenant_id", 40, required: role == AccountRoles.TenantUser);
        Guid? tenantId = null;
        if (tenantText is not null)
        {
            if (role == AccountRoles.Admin)
            {
                fields.AddError("tenant_id", "un administrateur n'appartient à aucun locataire");
            }
            else if (Guid.TryParse(tenantText, out var parsed))
            {
                tenantId = parsed;
            }
            else
            {
                fields.AddError("tenant_id", "identifiant de locataire (UUID) attendu");
            }
        }
        var displayName = fields.String("display_name", 200, required: true)?.Trim();
        if (displayName is not null && displayName.Any(char.IsControl))
        {
            fields.AddError("display_name", "caractères de contrôle interdits");
        }
        var password = fields.String("password", 1024, required: false);
        if (password is not null && email is not null && PasswordPolicy.Problem(password, email) is { } problem)
        {
            fields.AddError("password", problem);
        }
        if (fields.HasErrors)
        {
            return AccountResults.BadRequest(context, fields);
        }

        var cancel = context.RequestAborted;
        var now = time.GetUtcNow();
        var hash = password is null ? null : await hasher.HashAsync(password, cancel);
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        if (tenantId is not null && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM tenants WHERE id = @tenantId)", new { tenantId }, transaction, cancellationToken: cancel)))
        {
            fields.AddError("tenant_id", "locataire inconnu");
            return AccountResults.BadRequest(context, fields);
        }
        var row = await accounts.CreateAsync(connection, transaction,
            new NewAccount(Guid.CreateVersion7(), email!, role!, tenantId, displayName!, hash, now, admin.Name), cancel);
        if (row is null)
        {
            return ApiError.Result(context, StatusCodes.Status409Conflict, AccountErrorCodes.AccountExists, "Un compte existe déjà pour cette adresse e-mail.");
        }
        (string Token, DateTimeOffset ExpiresAt)? setup = hash is null
            ? await setupTokens.IssueAsync(connection, transaction, row.Id, now, TimeSpan.FromHours(_settings.PasswordSetupHours), cancel)
            : null;
        await audit.RecordAsync(connection, transaction, admin, AuditActions.AccountCreated, row.Id.ToString(),
            new { email = row.Email, role = row.Role, tenant_id = row.TenantId }, cancel);
        await transaction.CommitAsync(cancel);
        context.Response.Headers.CacheControl = "no-store";
        return AccountResults.Ok(new AccountResponse(row.View(), setup?.Token, setup?.ExpiresAt), StatusCodes.Status201Created);
    }
}
