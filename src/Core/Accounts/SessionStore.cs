using Dapper;
using Npgsql;

namespace Backend.Core.Accounts;

/// <summary>
/// Sign-ins (session families) and their refresh tokens. A refresh token is consumed by exactly one refresh: the
/// <c>UPDATE ... WHERE consumed_at IS NULL</c> lets one of two concurrent presentations win, and the other is a reuse.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource dataSource)
{
    public const string ReasonLogout = "logout";
    public const string ReasonReuse = "refresh_token_reused";
    public const string ReasonPasswordChanged = "password_changed";
    public const string ReasonAccountDisabled = "account_disabled";
    public const string ReasonPasswordReset = "password_reset";

    /// <returns>The new family id and its first refresh token.</returns>
    public async Task<(Guid FamilyId, string RefreshToken)> StartAsync(Guid accountId, DateTimeOffset now, TimeSpan refreshLifetime, CancellationToken cancellationToken)
    {
        var familyId = Guid.CreateVersion7();
        var token = SecretToken.New(SecretToken.RefreshPrefix);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO session_families (id, account_id, created_at) VALUES (@familyId, @accountId, @now)",
            new { familyId, accountId, now }, transaction, cancellationToken: cancellationToken));
        await InsertTokenAsync(connection, transaction, familyId, token, now, refreshLifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (familyId, token);
    }

    /// <summary>Consumes <paramref name="token"/> and issues its successor in the same family, if the token is live.</summary>
    public async Task<RefreshOutcome> RotateAsync(string token, DateTimeOffset now, TimeSpan refreshLifetime, CancellationToken cancellationToken)
    {
        var hash = SecretToken.Hash(token);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var consumed = await connection.QuerySingleOrDefaultAsync<(Guid FamilyId, Guid AccountId)?>(new CommandDefinition("""
            UPDATE refresh_tokens t SET consumed_at = @now
            FROM session_families f JOIN accounts a ON a.id = f.account_id
            WHERE t.token_hash = @hash AND f.id = t.family_id
              AND t.consumed_at IS NULL AND t.expires_at > @now AND f.revoked_at IS NULL AND a.disabled_at IS NULL
            RETURNING t.family_id, f.account_id
            """, new { hash, now }, transaction, cancellationToken: cancellationToken));
        if (consumed is { } live)
        {
            var next = SecretToken.New(SecretToken.RefreshPrefix);
            await InsertTokenAsync(connection, transaction, live.FamilyId, next, now, refreshLifetime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RefreshOutcome(RefreshOutcomeKind.Rotated, live.FamilyId, live.AccountId, next);
        }
        var known = await connection.QuerySingleOrDefaultAsync<(Guid FamilyId, Guid AccountId, bool Consumed)?>(new CommandDefinition("""
            SELECT t.family_id, f.account_id, t.consumed_at IS NOT NULL FROM refresh_tokens t JOIN session_families f ON f.id = t.family_id
            WHERE t.token_hash = @hash
            """, new { hash }, transaction, cancellationToken: cancellationToken));
        if (known is { Consumed: true } reused)
        {
            // A consumed token presented again means two parties hold the family (a stolen token or a replay):
            // end the whole sign-in; the legitimate user signs in again.
            var revoked = await RevokeFamilyAsync(connection, transaction, reused.FamilyId, ReasonReuse, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RefreshOutcome(revoked ? RefreshOutcomeKind.ReuseDetected : RefreshOutcomeKind.Refused, reused.FamilyId, reused.AccountId, null);
        }
        await transaction.CommitAsync(cancellationToken);
        return new RefreshOutcome(RefreshOutcomeKind.Refused, null, null, null);
    }

    /// <summary>Revokes the family of <paramref name="token"/>, consumed or not. False when the token is unknown.</summary>
    public async Task<bool> RevokeByTokenAsync(string token, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var family = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT family_id FROM refresh_tokens WHERE token_hash = @hash", new { hash = SecretToken.Hash(token) }, cancellationToken: cancellationToken));
        if (family is null)
        {
            return false;
        }
        await RevokeFamilyAsync(connection, null, family.Value, reason, now, cancellationToken);
        return true;
    }

    /// <summary>Revokes every live sign-in of an account, except <paramref name="keep"/> (the session changing its password).</summary>
    public Task<int> RevokeAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid accountId, Guid? keep, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE session_families SET revoked_at = @now, revoked_reason = @reason
            WHERE account_id = @accountId AND revoked_at IS NULL AND (@keep::uuid IS NULL OR id <> @keep)
            """, new { accountId, keep, reason, now }, transaction, cancellationToken: cancellationToken));

    private static async Task<bool> RevokeFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid familyId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE session_families SET revoked_at = @now, revoked_reason = @reason WHERE id = @familyId AND revoked_at IS NULL",
            new { familyId, reason, now }, transaction, cancellationToken: cancellationToken)) == 1;

    private static Task InsertTokenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid familyId, string token, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO refresh_tokens (token_hash, family_id, issued_at, expires_at) VALUES (@hash, @familyId, @now, @expiresAt)",
            new { hash = SecretToken.Hash(token), familyId, now, expiresAt = now + lifetime }, transaction, cancellationToken: cancellationToken));
}
