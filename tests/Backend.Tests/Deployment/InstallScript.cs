using Backend.Tests.Configuration;
using Backend.Tests.Reliability;

namespace Backend.Tests.Deployment;

/// <summary>deploy/vps/install.sh and upgrade.sh run against a throwaway root directory and PostgreSQL.</summary>
public static class InstallScript
{
    public static string ReleaseDirectory => Path.GetDirectoryName(SelfHostProcess.DllPath())!;

    public static Task<ProgramRun> InstallAsync(string root, int postgresPort, string? release = null) =>
        ProgramRun.RunAsync("bash", [RepositoryFiles.PathOf("deploy/vps/install.sh"), "--root", root, "--domain", "licences.example.test",
            "--email", "admin@example.test", "--release", release ?? ReleaseDirectory, "--pg-host", "127.0.0.1", "--pg-port", postgresPort.ToString()],
            TimeSpan.FromSeconds(60));

    /// <summary>The settings of an installed backend.env (systemd's KEY=VALUE lines; comments skipped).</summary>
    public static Dictionary<string, string> Settings(string root) =>
        File.ReadLines(Path.Combine(root, "etc/easyfacture/backend.env"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
}
