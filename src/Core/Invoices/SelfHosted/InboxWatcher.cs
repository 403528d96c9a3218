using Backend.Core.Http;
using Backend.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Invoices.SelfHosted;

/// <summary>
/// SelfHost's blob trigger: watches <c>{BlobStore root}/inbox/{tenant_id}/</c> and rescans it periodically (a watcher
/// can miss events, and files dropped while the app was down must still be taken). A file is taken once it has not
/// changed for the settle time, so half-copied files wait; receipts in PostgreSQL make restarts neither lose nor repeat a drop.
/// </summary>
public sealed class InboxWatcher(
    FileSystemBlobStore blobs,
    InvoiceIntake intake,
    TimeProvider time,
    IOptions<InvoicePipelineSettings> settings,
    ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    // Drops already receipted, so a rescan does not ask the database about every file again.
    private readonly HashSet<(string Name, string ETag)> _taken = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.Combine(blobs.RootPath, ContainerNames.Inbox);
        Directory.CreateDirectory(inbox);
        using var watcher = new FileSystemWatcher(inbox) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();

        var options = settings.Value;
        var scanInterval = TimeSpan.FromSeconds(options.InboxScanIntervalSeconds);
        var settle = TimeSpan.FromMilliseconds(options.InboxSettleMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var waitingForSettle = false;
            try
            {
                waitingForSettle = await ScanAsync(settle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e) || e is IOException)
            {
                logger.LogWarning("Inbox scan failed ({ExceptionType}); retrying on the next scan", e.GetType().Name);
            }
            // A file still settling is looked at again shortly rather than at the next full interval.
            var wait = waitingForSettle ? TimeSpan.FromMilliseconds(Math.Max(50, settle.TotalMilliseconds / 2)) : scanInterval;
            try
            {
                await _wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>true when some file was too fresh to take yet.</returns>
    internal async Task<bool> ScanAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = false;
        await foreach (var blob in blobs.ListAsync(ContainerNames.Inbox, cancellationToken: cancellationToken))
        {
            // Editors and copy tools write hidden temporary files first.
            if (blob.Name.Split('/').Any(segment => segment.StartsWith('.')))
            {
                continue;
            }
            if (now - blob.LastModified < settle)
            {
                waiting = true;
                continue;
            }
            if (_taken.Contains((blob.Name, blob.ETag)))
            {
                continue;
            }
            var result = await intake.AcceptInboxBlobAsync(blob.Name, blob.ETag, cancellationToken);
            if (result.Outcome != "gone")
            {
                _taken.Add((blob.Name, blob.ETag));
            }
            if (result.IsNew)
            {
                // File names can be personal; the invoice id is enough to follow the drop.
                logger.LogInformation("Inbox drop taken in: {Outcome} {InvoiceId}", result.Outcome, result.InvoiceId);
            }
        }
        return waiting;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
