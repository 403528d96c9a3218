using Backend.Core.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounts;

/// <summary>
/// At start-up (after the migrations, which are registered first), creates the first admin account from
/// <c>Accounts__BootstrapAdminEmail</c> / <c>Accounts__BootstrapAdminPassword</c> when no admin exists yet. Instances
/// starting together are harmless: the unique email lets one insert win.
/// </summary>
public sealed class BootstrapAdmin(
    NpgsqlDataSource dataSource,
    AccountStore accounts,
    PasswordHasher hasher,
    TimeProvider time,
    IOptions<AccountSettings> options,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string CreatedBy = "bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BootstrapAdminEmail) || string.IsNullOrWhiteSpace(settings.BootstrapAdminPassword)
            || await accounts.AnyAdminAsync(cancellationToken))
        {
            return;
        }
        var email = settings.BootstrapAdminEmail.Trim();
        var hash = await hasher.HashAsync(settings.BootstrapAdminPassword, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await accounts.CreateAsync(connection, transaction,
            new NewAccount(Guid.CreateVersion7(), email, AccountRoles.Admin, null, "Administrateur", hash, time.GetUtcNow(), CreatedBy), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (row is not null)
        {
            logger.LogInformation("Bootstrap admin account {AccountId} created from Accounts__BootstrapAdminEmail", row.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
