using Azure.Core;
using Azure.Identity;
using Backend.Core.Data;
using Microsoft.Extensions.Options;

namespace Backend.Functions.Worker;

/// <summary>
/// The database password of an app in Azure: an Entra access token of its user-assigned managed identity for Azure
/// Database for PostgreSQL. The identity is a PostgreSQL role (infra/postgres/app-roles.sql), so no password exists.
/// </summary>
public sealed class ManagedIdentityDatabasePassword(IOptions<DatabaseSettings> options) : IDatabasePasswordSource
{
    private static readonly TokenRequestContext PostgresScope = new(["https://ossrdbms-aad.database.windows.net/.default"]);

    private readonly TokenCredential _credential = new ManagedIdentityCredential(string.IsNullOrEmpty(options.Value.ClientId)
        ? ManagedIdentityId.SystemAssigned
        : ManagedIdentityId.FromUserAssignedClientId(options.Value.ClientId));

    public async ValueTask<string> GetPasswordAsync(CancellationToken cancellationToken) =>
        (await _credential.GetTokenAsync(PostgresScope, cancellationToken)).Token;
}
