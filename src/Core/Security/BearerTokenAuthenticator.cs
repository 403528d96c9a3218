using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Security;

/// <summary>
/// The one check of people's access tokens, used by the admin and tenant authenticators of both hosts and both
/// function apps: a valid signature and lifetime, then the database must still know the account as enabled, in
/// the same role and tenant, and its sign-in (session family) unrevoked — so logout, reuse detection, a password
/// change or disabling an account end access tokens at once rather than up to an hour later.
/// </summary>
public sealed class BearerTokenAuthenticator(AccessTokenValidator validator, NpgsqlDataSource dataSource)
{
    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }

    /// <returns>The signed-in account in <paramref name="role"/> (any role when null), or null for anything else.</returns>
    public async Task<Caller?> AuthenticateAsync(string? token, string? role, CancellationToken cancellationToken)
    {
        if (token is null || await validator.ValidateAsync(token) is not { } claims || (role is not null && claims.Role != role))
        {
            return null;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var email = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT a.email FROM accounts a JOIN session_families f ON f.account_id = a.id
            WHERE a.id = @AccountId AND f.id = @SessionId AND a.role = @Role AND a.tenant_id IS NOT DISTINCT FROM @TenantId
              AND a.disabled_at IS NULL AND f.revoked_at IS NULL
            """, new { claims.AccountId, claims.SessionId, claims.Role, claims.TenantId }, cancellationToken: cancellationToken));
        return email is null ? null : Caller.Account(claims.AccountId, email, claims.Role, claims.TenantId, claims.SessionId);
    }
}
