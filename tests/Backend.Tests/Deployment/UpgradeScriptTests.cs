using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backend.Tests.Configuration;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Deployment;

/// <summary>
/// upgrade.sh on an installed throwaway root: a release that does not come up healthy is rolled back, a good one
/// stays. systemctl is replaced by a restart script that runs <c>current</c>'s SelfHost with the installed settings.
/// </summary>
public sealed class UpgradeScriptTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("backend-vps-upgrade-").FullName;
    private readonly List<string> _scratch = [];
    private readonly int _port = FreeTcpPort.Next();
    private ThrowawayPostgres _postgres = null!;

    private string PidFile => Path.Combine(_root, "run/app.pid");

    private string AppLog => Path.Combine(_root, "run/app.log");

    private string Restart => "bash " + Path.Combine(_root, "run/restart.sh");

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        var install = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(install.ExitCode == 0, install.ToString());
        WriteRestartScript();
    }

    public async Task DisposeAsync()
    {
        if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
        await _postgres.DisposeAsync();
        Directory.Delete(_root, recursive: true);
        foreach (var directory in _scratch)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_release_that_does_not_become_healthy_is_rolled_back_and_a_good_one_is_kept()
    {
        // The installed release on nothing but install.sh's backend.env: generated secrets, role, password, key ids.
        var restart = await ProgramRun.RunAsync("bash", ["-c", Restart], TimeSpan.FromSeconds(10));
        Assert.True(restart.ExitCode == 0, restart.ToString());
        await WaitHealthyAsync();
        var installed = CurrentTarget();
        // Its logs are JSON lines (journald keeps one entry per line).
        Assert.Contains(File.ReadLines(AppLog), IsJsonLogLine);

        // A release whose assembly is garbage: the process dies at start, /api/health never answers.
        var broken = Release();
        await File.WriteAllTextAsync(Path.Combine(broken, "Backend.SelfHost.dll"), "not an assembly");
        var failed = await UpgradeAsync(broken, "2.0.0-broken", timeoutSeconds: 8);

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("rolling back", failed.Stderr);
        Assert.Equal(installed, CurrentTarget());
        Assert.False(Directory.Exists(Path.Combine(_root, "opt/easyfacture/releases/2.0.0-broken")));
        await WaitHealthyAsync();

        var good = await UpgradeAsync(Release(), "2.0.1", timeoutSeconds: 40);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal("releases/2.0.1", CurrentTarget());
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
    }

    private Task<ProgramRun> UpgradeAsync(string release, string version, int timeoutSeconds) =>
        ProgramRun.RunAsync("bash", [RepositoryFiles.PathOf("deploy/vps/upgrade.sh"), "--root", _root, "--release", release, "--version", version,
            "--app-port", _port.ToString(), "--timeout", timeoutSeconds.ToString(), "--restart-command", Restart], TimeSpan.FromSeconds(timeoutSeconds * 2 + 30));

    private string CurrentTarget() => new FileInfo(Path.Combine(_root, "opt/easyfacture/current")).LinkTarget!;

    private string Release()
    {
        var directory = Directory.CreateTempSubdirectory("backend-vps-release-").FullName;
        _scratch.Add(directory);
        foreach (var file in Directory.EnumerateFiles(InstallScript.ReleaseDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(InstallScript.ReleaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return directory;
    }

    private async Task<HttpStatusCode> HealthAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await client.GetAsync($"http://127.0.0.1:{_port}/api/health");
        return response.StatusCode;
    }

    private async Task WaitHealthyAsync()
    {
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return await HealthAsync() == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), "current's release answers /api/health");
        }
        catch (TimeoutException e)
        {
            var log = File.Exists(AppLog) ? File.ReadAllText(AppLog) : "(no log)";
            throw new TimeoutException(e.Message + "\napp log:\n" + log[Math.Max(0, log.Length - 4000)..], e);
        }
    }

    private static bool IsJsonLogLine(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject entry && entry["LogLevel"] is not null && entry["Category"] is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>What systemctl restart would do: stop the running app, start current's with backend.env.</summary>
    private void WriteRestartScript()
    {
        var settings = InstallScript.Settings(_root);
        settings["BlobStore__RootPath"] = Path.Combine(_root, "var/lib/easyfacture/blobs");
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        var script = new StringBuilder("set -eu\n");
        script.Append($"pidfile='{PidFile}'\n");
        script.Append("if [ -f \"$pidfile\" ]; then pid=$(cat \"$pidfile\"); kill \"$pid\" 2>/dev/null || true;\n");
        script.Append("  while kill -0 \"$pid\" 2>/dev/null; do sleep 0.1; done; fi\n");
        foreach (var (key, value) in settings)
        {
            script.Append($"export {key}='{value.Replace("'", "'\\''", StringComparison.Ordinal)}'\n");
        }
        var current = Path.Combine(_root, "opt/easyfacture/current");
        script.Append($"cd '{current}'\n");
        script.Append($"setsid dotnet '{current}/Backend.SelfHost.dll' >>'{_root}/run/app.log' 2>&1 </dev/null &\n");
        script.Append("echo $! >\"$pidfile\"\n");
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        File.WriteAllText(Path.Combine(_root, "run/restart.sh"), script.ToString());
    }
}
