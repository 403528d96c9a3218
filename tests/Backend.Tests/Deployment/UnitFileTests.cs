using Backend.Tests.Configuration;

namespace Backend.Tests.Deployment;

/// <summary>
/// <c>systemd-analyze verify</c> on the units of deploy/vps. systemd is not PID 1 in the test container, so the
/// check runs with <c>--root</c> on a directory laid out as install.sh lays out a machine: the units, the caddy.service
/// drop-in, the distribution's own units (targets, postgresql.service, caddy.service) copied from this machine, and
/// the programs the units start (verify fails on a missing ExecStart binary). Warnings count as failures.
/// </summary>
public sealed class UnitFileTests : IDisposable
{
    private static readonly string[] Units = ["easyfacture-backend.service", "easyfacture-backup.service", "easyfacture-backup.timer"];
    private readonly string _root = Directory.CreateTempSubdirectory("backend-vps-units-").FullName;

    public UnitFileTests()
    {
        var systemUnits = Path.Combine(_root, "usr/lib/systemd/system");
        CopyDirectory("/usr/lib/systemd/system", systemUnits);
        foreach (var unit in Units)
        {
            Place(RepositoryFiles.PathOf("deploy/vps/systemd/" + unit), "etc/systemd/system/" + unit);
        }
        Place(RepositoryFiles.PathOf("deploy/vps/systemd/caddy.service.d/easyfacture.conf"), "etc/systemd/system/caddy.service.d/easyfacture.conf");
        Place(Path.Combine(InstallScript.ReleaseDirectory, "Backend.SelfHost"), "opt/easyfacture/releases/test/Backend.SelfHost");
        File.CreateSymbolicLink(Path.Combine(_root, "opt/easyfacture/current"), "releases/test");
        Place(RepositoryFiles.PathOf("deploy/vps/backup.sh"), "opt/easyfacture/bin/easyfacture-backup");
        Place(CaddyProcess.Executable(), "usr/bin/caddy");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Task<ProgramRun> VerifyAsync(string root, params string[] units) =>
        ProgramRun.RunAsync("systemd-analyze", ["verify", "--root=" + root, .. units], TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Systemd_analyze_verify_passes_on_the_units_without_a_warning()
    {
        var run = await VerifyAsync(_root, [.. Units.Select(u => "/etc/systemd/system/" + u), "caddy.service"]);

        Assert.True(run.ExitCode == 0 && run.Stderr.Trim().Length == 0 && run.Stdout.Trim().Length == 0, run.ToString());
    }

    [Fact]
    public async Task Systemd_analyze_verify_reports_a_misspelt_hardening_option()
    {
        // The check above means something only if verify speaks up about a unit like ours with one typo.
        var unit = Path.Combine(_root, "etc/systemd/system/easyfacture-backend.service");
        File.WriteAllText(unit, File.ReadAllText(unit).Replace("PrivateTmp=yes", "PrivateTemp=yes", StringComparison.Ordinal));

        var run = await VerifyAsync(_root, "/etc/systemd/system/easyfacture-backend.service");

        Assert.Contains("Unknown key 'PrivateTemp'", run.Stderr);
    }

    [Fact]
    public void The_app_unit_is_hardened_and_writes_only_to_the_blob_directory()
    {
        var unit = File.ReadAllLines(RepositoryFiles.PathOf("deploy/vps/systemd/easyfacture-backend.service"));
        foreach (var line in new[]
        {
            "User=easyfacture", "Restart=on-failure", "EnvironmentFile=/etc/easyfacture/backend.env", "NoNewPrivileges=yes",
            "ProtectSystem=strict", "PrivateTmp=yes", "ReadWritePaths=/var/lib/easyfacture/blobs",
        })
        {
            Assert.Contains(line, unit);
        }
        Assert.Single(unit, l => l.StartsWith("ReadWritePaths=", StringComparison.Ordinal));
    }

    private void Place(string source, string relative)
    {
        var target = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo)
            {
                CopyDirectory(entry.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }
}
