using System.Text.Json;
using Backend.Core.Security;
using Dapper;
using Npgsql;

namespace Backend.Core.Audit;

/// <summary>
/// Records who changed what in <c>audit_events</c>: the acting account or the named API key. Written in the caller's
/// transaction where there is one, so an action and its record commit or roll back together.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string InsertSql = """
        INSERT INTO audit_events (at, actor_kind, actor, account_id, tenant_id, action, subject, details)
        VALUES (@at, @kind, @actor, @accountId, @tenantId, @action, @subject, CAST(@details AS jsonb))
        """;

    public Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Caller caller, string action, string? subject,
        object? details, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(caller, action, subject, details), transaction, cancellationToken: cancellationToken));

    public async Task RecordAsync(Caller caller, string action, string? subject, object? details, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await RecordAsync(connection, null, caller, action, subject, details, cancellationToken);
    }

    private object Parameters(Caller caller, string action, string? subject, object? details) => new
    {
        at = time.GetUtcNow(),
        kind = caller.Kind == CallerKind.Account ? "account" : "api_key",
        actor = Truncate(caller.Name, 300),
        accountId = caller.AccountId,
        tenantId = caller.TenantId,
        action,
        subject = subject is null ? null : Truncate(subject, 300),
        details = details is null ? null : JsonSerializer.Serialize(details),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
