using Dapper;
using Npgsql;

namespace Backend.Core.Accounts;

/// <summary>Single-use password-setup tokens (new accounts without a password, resets); issuing one voids the earlier ones.</summary>
public sealed class PasswordSetupTokens
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid accountId,
        DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE password_setup_tokens SET used_at = @now WHERE account_id = @accountId AND used_at IS NULL",
            new { accountId, now }, transaction, cancellationToken: cancellationToken));
        var token = SecretToken.New(SecretToken.SetupPrefix);
        var expiresAt = now + lifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO password_setup_tokens (token_hash, account_id, created_at, expires_at) VALUES (@hash, @accountId, @now, @expiresAt)",
            new { hash = SecretToken.Hash(token), accountId, now, expiresAt }, transaction, cancellationToken: cancellationToken));
        return (token, expiresAt);
    }

    /// <returns>The account the token was for, once: the token is spent whatever happens next in the transaction's commit.</returns>
    public Task<Guid?> ConsumeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string token, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<Guid?>(new CommandDefinition("""
            UPDATE password_setup_tokens t SET used_at = @now
            FROM accounts a
            WHERE t.token_hash = @hash AND a.id = t.account_id AND t.used_at IS NULL AND t.expires_at > @now AND a.disabled_at IS NULL
            RETURNING t.account_id
            """, new { hash = SecretToken.Hash(token), now }, transaction, cancellationToken: cancellationToken));
}
