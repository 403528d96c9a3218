using System.Diagnostics;

namespace Backend.Tests.Infrastructure;

/// <summary>
/// A private Azurite blob instance on a free port with its own data directory, which a test may stop and start again
/// without disturbing the shared one (outage drills).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _location = Directory.CreateTempSubdirectory("azurite-").FullName;
    private Process? _process;

    private AzuriteProcess(int port)
    {
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}/{Azurite.AccountName}");
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    public static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = new AzuriteProcess(FreeTcpPort.Next());
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts the instance (again, after <see cref="StopAsync"/>) and returns once it listens.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }
        var info = new ProcessStartInfo(Azurite.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _location, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                 })
        {
            info.ArgumentList.Add(argument);
        }
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            output.Enqueue(e.Data);
            if (e.Data.Contains("successfully listens", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Azurite exited at start-up: {string.Join(" | ", output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the instance and waits until it is gone: from then on its port refuses connections. SIGTERM first, so
    /// Azurite saves its metadata and a restart finds the containers and blobs it had (a SIGKILL loses them).
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        if (!process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync();
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
