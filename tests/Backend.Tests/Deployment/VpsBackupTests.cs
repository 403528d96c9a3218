using System.Security.Cryptography;
using Backend.Tests.Infrastructure;
using Npgsql;

namespace Backend.Tests.Deployment;

/// <summary>
/// The VPS's backup (deploy/vps/backup.sh as install.sh installs it, run as easyfacture-backup.service runs it):
/// database, blobs and backend.env in one encrypted file, retention, and the written restore procedure giving the
/// rows and files back.
/// </summary>
public sealed class VpsBackupTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("backend-vps-backup-").FullName;
    private ThrowawayPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await ThrowawayPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_nightly_backup_holds_database_blobs_and_settings_keeps_the_newest_and_restores()
    {
        var install = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(install.ExitCode == 0, install.ToString());
        var settings = InstallScript.Settings(_root);
        await using (var connection = new NpgsqlConnection(settings["Database__ConnectionString"]))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "CREATE TABLE drill (id int PRIMARY KEY, note text); INSERT INTO drill SELECT i, 'note ' || i FROM generate_series(1, 250) i", connection);
            await command.ExecuteNonQueryAsync();
        }
        var blobs = Path.Combine(_root, "var/lib/easyfacture/blobs");
        var invoice = RandomNumberGenerator.GetBytes(40_000);
        Directory.CreateDirectory(Path.Combine(blobs, "invoices/tenant-1"));
        await File.WriteAllBytesAsync(Path.Combine(blobs, "invoices/tenant-1/facture.pdf"), invoice);
        var backups = Path.Combine(_root, "var/backups/easyfacture");
        var key = Path.Combine(_root, "etc/easyfacture/backup-key");
        Assert.True(new FileInfo(key).Length > 40, "install.sh generates the backup key");
        var environment = new Dictionary<string, string>
        {
            ["BACKUP_DIR"] = backups, ["KEEP"] = "2", ["KEY_FILE"] = key,
            ["ENV_FILE"] = Path.Combine(_root, "etc/easyfacture/backend.env"), ["BLOB_DIR"] = blobs,
        };

        var written = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            var backup = await ProgramRun.RunAsync(Path.Combine(_root, "opt/easyfacture/bin/easyfacture-backup"), [], TimeSpan.FromSeconds(60), environment);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            written.Add(backup.Stdout.Trim().Split('\n')[^1]);
        }

        Assert.Equal(written.Skip(1).Order(), Directory.GetFiles(backups, "*.tar.enc").Order());
        var check = await ProgramRun.RunAsync("bash", ["-c", $"cd '{backups}' && sha256sum -c *.sha256"], TimeSpan.FromSeconds(30));
        Assert.True(check.ExitCode == 0, check.ToString());

        // The restore procedure of README → Self-hosting on a VPS → Backups, on the newest backup.
        var restored = Path.Combine(_root, "restored");
        Directory.CreateDirectory(Path.Combine(restored, "blobs"));
        var unpack = await ProgramRun.RunAsync("bash", ["-c",
            $"openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 -pass 'file:{key}' -in '{written[^1]}' | tar -x -C '{restored}' && tar -x -C '{restored}/blobs' -f '{restored}/blobs.tar'"],
            TimeSpan.FromSeconds(60));
        Assert.True(unpack.ExitCode == 0, unpack.ToString());
        Assert.Equal(invoice, await File.ReadAllBytesAsync(Path.Combine(restored, "blobs/invoices/tenant-1/facture.pdf")));
        Assert.Equal(await File.ReadAllTextAsync(environment["ENV_FILE"]), await File.ReadAllTextAsync(Path.Combine(restored, "secrets/backend.env")));
        Assert.Contains("blob_files=1", await File.ReadAllTextAsync(Path.Combine(restored, "manifest.txt")));

        await using (var admin = new NpgsqlConnection(_postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CREATE DATABASE drill_restored", admin).ExecuteNonQueryAsync();
        }
        var pgRestore = await ProgramRun.RunAsync("pg_restore", ["--no-owner", "-h", "127.0.0.1", "-p", _postgres.Port.ToString(), "-U", "postgres",
            "--dbname", "drill_restored", Path.Combine(restored, "database.dump")], TimeSpan.FromSeconds(60));
        Assert.True(pgRestore.ExitCode == 0, pgRestore.ToString());
        await using var restoredDatabase = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = "drill_restored" }.ConnectionString);
        await restoredDatabase.OpenAsync();
        Assert.Equal(250L, await new NpgsqlCommand("SELECT count(*) FROM drill WHERE note = 'note ' || id", restoredDatabase).ExecuteScalarAsync());
    }

    [Fact]
    public async Task Without_its_key_the_backup_refuses_to_run()
    {
        var install = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(install.ExitCode == 0, install.ToString());

        var backup = await ProgramRun.RunAsync(Path.Combine(_root, "opt/easyfacture/bin/easyfacture-backup"), [], TimeSpan.FromSeconds(60), new Dictionary<string, string>
        {
            ["BACKUP_DIR"] = Path.Combine(_root, "var/backups/easyfacture"), ["KEY_FILE"] = Path.Combine(_root, "etc/easyfacture/missing-key"),
            ["ENV_FILE"] = Path.Combine(_root, "etc/easyfacture/backend.env"), ["BLOB_DIR"] = Path.Combine(_root, "var/lib/easyfacture/blobs"),
        });

        Assert.NotEqual(0, backup.ExitCode);
        Assert.Contains("no backup key", backup.Stderr);
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "var/backups/easyfacture")));
    }
}
