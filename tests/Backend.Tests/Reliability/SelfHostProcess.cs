using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Reliability;

/// <summary>
/// SelfHost as a real process (<c>dotnet Backend.SelfHost.dll --urls ...</c>) on a test database and blob directory,
/// configured through environment variables like a deployment, so it can be SIGKILLed and restarted and its RSS read.
/// </summary>
public sealed class SelfHostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public SelfHostProcess(string connectionString, string blobRoot, IDictionary<string, string>? settings = null)
    {
        Port = FreeTcpPort.Next();
        BlobRoot = blobRoot;
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AdminApiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__ConnectionString"] = connectionString,
            ["BlobStore__RootPath"] = blobRoot,
            ["Queue__PollIntervalMilliseconds"] = "100",
            ["Encryption__ActiveKeyId"] = "local1",
            ["Encryption__Keys__local1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Licensing__AdminApiKey"] = AdminApiKey,
            ["Licensing__SigningPrivateKey"] = Convert.ToBase64String(signingKey.ExportPkcs8PrivateKey()),
            ["Licensing__TrustedProxies"] = "127.0.0.1",
            ["Licensing__FlushIntervalMilliseconds"] = "200",
            ["AccessTokens__ActiveKeyId"] = "local1",
            ["AccessTokens__Keys__local1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Invoices__RetryBaseDelaySeconds"] = "0",
            ["Invoices__InboxScanIntervalSeconds"] = "1",
            ["Invoices__InboxSettleMilliseconds"] = "200",
            ["Ocr__Engine"] = "local",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var bucket in new[] { "Trial", "Activate", "Validate", "Heartbeat" })
        {
            _environment[$"Licensing__RateLimits__{bucket}__Limit"] = "100000000";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public int Port { get; }

    public string BlobRoot { get; }

    public string AdminApiKey { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int ProcessId => _process?.Id ?? 0;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string DllPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(directory.FullName, "src", "SelfHost", "bin", configuration, "net10.0", "Backend.SelfHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build SelfHost first (the test project references it)", dll);
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"SelfHost exited with {_process.ExitCode}: {Log}");
            }
            try
            {
                using var response = await client.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("SelfHost did not become healthy: " + Log);
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Runs SelfHost until it exits by itself (e.g. refused its settings): its exit code and both outputs, apart.</summary>
    public async Task<(int ExitCode, IReadOnlyList<string> StandardError, string StandardOutput)> RunUntilExitAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        var standardOutput = _process.StandardOutput.ReadToEndAsync();
        var standardError = _process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        var error = await standardError;
        return (_process.ExitCode, error.Split('\n', StringSplitOptions.RemoveEmptyEntries), await standardOutput);
    }

    /// <summary>SIGKILL: no graceful shutdown, no flush, no lease released.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Resident set size in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }
}
