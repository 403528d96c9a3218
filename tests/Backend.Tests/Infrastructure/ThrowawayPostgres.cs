using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Backend.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own, for tests that stop and restart the database under a running app
/// without disturbing every other test on the shared cluster. Runs as the postgres user when we are root.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _data;

    private ThrowawayPostgres(string directory, int port)
    {
        _directory = directory;
        _data = Path.Combine(directory, "data");
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Timeout=3;Command Timeout=5";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("backend-pg-").FullName;
        var cluster = new ThrowawayPostgres(directory, FreeTcpPort.Next());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:", directory);
        }
        await cluster.AsOwnerAsync(Bin("initdb"), "-D", cluster._data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await File.AppendAllTextAsync(Path.Combine(cluster._data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {cluster.Port}\nunix_socket_directories = '{directory}'\nfsync = off\n");
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() =>
        AsOwnerAsync(Bin("pg_ctl"), "-D", _data, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60", "start");

    public Task StopServerAsync() =>
        AsOwnerAsync(Bin("pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(_directory, recursive: true);
    }

    private Task AsOwnerAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);

    private static string Bin(string name)
    {
        foreach (var dir in new[] { "/usr/lib/postgresql/15/bin" }.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : []))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return name;
    }


    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
