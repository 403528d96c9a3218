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
        var options = settings.Value;
        var scanInterval = TimeSpan.FromSeconds(options.InboxScanIntervalSeconds);
        var settle = TimeSpan.FromMilliseconds(options.InboxSettleMilliseconds);
        // An unusable blob directory must not stop the host: health reports it, and we keep trying.
        using var watcher = await StartWatchingAsync(scanInterval, stoppingToken);
        if (watcher is null)
        {
            return;
        }
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
            catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e) || e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Inbox scan failed ({ExceptionType}); retrying on the next scan", e.GetType().Name);
            }
            catch (Exception e)
            {
                // Never take the host down for one bad scan.
                logger.LogError(e, "Inbox scan failed; retrying on the next scan");
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

    private async Task<FileSystemWatcher?> StartWatchingAsync(TimeSpan retryInterval, CancellationToken stoppingToken)
    {
        var inbox = Path.Combine(blobs.RootPath, ContainerNames.Inbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Directory.CreateDirectory(inbox);
                var watcher = new FileSystemWatcher(inbox) { IncludeSubdirectories = true };
                watcher.Created += (_, _) => Wake();
                watcher.Changed += (_, _) => Wake();
                watcher.Renamed += (_, _) => Wake();
                watcher.EnableRaisingEvents = true;
                return watcher;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                logger.LogWarning("Inbox directory unusable ({ExceptionType}); retrying in {Interval}", e.GetType().Name, retryInterval);
            }
            try
            {
                await Task.Delay(retryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return null;
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
            InboxIntakeResult result;
            try
            {
                result = await intake.AcceptInboxBlobAsync(blob.Name, blob.ETag, cancellationToken);
            }
            catch (ArgumentException)
            {
                // A name the blob store refuses (backslash, control characters): never an invoice.
                _taken.Add((blob.Name, blob.ETag));
                continue;
            }
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
