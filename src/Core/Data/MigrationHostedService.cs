using Microsoft.Extensions.Hosting;

namespace Backend.Core.Data;

/// <summary>Brings the schema up to date before the host starts serving.</summary>
internal sealed class MigrationHostedService(MigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
