using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Backend.Tests.Configuration;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Deployment;

/// <summary>
/// Debian's caddy running deploy/vps/Caddyfile unchanged, with the values install.sh would put in caddy.env except
/// `tls internal` (Caddy's own CA, kept in a throwaway data directory), private ports and the admin API off.
/// </summary>
public sealed class CaddyProcess : IAsyncDisposable
{
    public const string Domain = "easyfacture.test";

    private readonly string _home = Directory.CreateTempSubdirectory("backend-caddy-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public int HttpPort { get; } = FreeTcpPort.Next();

    public int HttpsPort { get; } = FreeTcpPort.Next();

    public X509Certificate2 Root { get; private set; } = null!;

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

    public static string Executable() =>
        File.Exists("/usr/bin/caddy") ? "/usr/bin/caddy" : throw new FileNotFoundException("caddy is not installed: run scripts/deps.sh (apt-get install caddy)");

    public async Task StartAsync(int upstreamPort)
    {
        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "run", "--adapter", "caddyfile", "--config", RepositoryFiles.PathOf("deploy/vps/Caddyfile") })
        {
            start.ArgumentList.Add(argument);
        }
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _home,
            ["XDG_DATA_HOME"] = Path.Combine(_home, "data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(_home, "config"),
            ["EASYFACTURE_DOMAIN"] = Domain,
            ["EASYFACTURE_TLS"] = "internal",
            ["EASYFACTURE_HTTP_PORT"] = HttpPort.ToString(),
            ["EASYFACTURE_HTTPS_PORT"] = HttpsPort.ToString(),
            ["EASYFACTURE_UPSTREAM"] = $"127.0.0.1:{upstreamPort}",
            ["EASYFACTURE_MAX_BODY_BYTES"] = "16384",
            ["EASYFACTURE_CADDY_ADMIN"] = "off",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Caddy creates its CA, then the site's certificate; the site is ready once a TLS handshake verifies.
        var rootFile = Path.Combine(_home, "data", "caddy", "pki", "authorities", "local", "root.crt");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"caddy exited with {_process.ExitCode}: {Log}");
            }
            if (File.Exists(rootFile))
            {
                try
                {
                    Root = X509CertificateLoader.LoadCertificateFromFile(rootFile);
                    using var client = ProxyClients.Create(IPAddress.Loopback, Root);
                    using var response = await client.GetAsync($"https://{Domain}:{HttpsPort}/api/health");
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or CryptographicException)
                {
                    // certificate not issued yet, or the file is still being written
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("caddy did not serve HTTPS: " + Log);
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Root?.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            if (_log.Length < 100_000)
            {
                _log.AppendLine(line);
            }
        }
    }
}
