using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Tests.Configuration;
using Backend.Tests.Deployment;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;
using Dapper;
using Npgsql;

namespace Backend.Tests.Backups;

/// <summary>
/// The restore drill of the self-hosted deployment, with the real scripts on a cluster of their own
/// (<c>BACKEND_LOCAL_DIR</c>): data → <c>scripts/backup.sh</c> → <c>.local/pg</c> and <c>.local/blobs</c> deleted →
/// <c>scripts/restore.sh</c> → every row of every table and every blob equal, and SelfHost serves them again.
/// </summary>
public sealed class BackupRestoreDrillTests : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private readonly string _local = Directory.CreateTempSubdirectory("backend-drill-").FullName;
    private readonly int _port = FreeTcpPort.Next();
    private readonly string _encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _signingKey = NewSigningKey();

    private string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=backend;Username=backend;Password=backend-local";

    public async Task InitializeAsync()
    {
        // The cluster's files belong to the postgres user, who must be able to walk into this directory.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_local, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        await ScriptAsync("db.sh", "start");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ScriptAsync("db.sh", "stop");
        Directory.Delete(_local, recursive: true);
    }

    [Fact]
    public async Task Data_backed_up_then_wiped_comes_back_equal_and_served()
    {
        Directory.CreateDirectory(Path.Combine(_local, "secrets"));
        await File.WriteAllTextAsync(Path.Combine(_local, "secrets", "encryption-key-local1"), _encryptionKey);
        await File.WriteAllTextAsync(Path.Combine(_local, "secrets", "license-signing-key"), _signingKey);
        Guid invoiceId;
        string apiKey, machine, licenseKey;
        byte[] pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
        await using (var host = Host())
        {
            using var client = host.CreateClient();
            apiKey = await CreateTenantAsync(client, host.AdminApiKey);
            invoiceId = await UploadAsync(client, apiKey, pdf);
            await WaitForAsync(client, apiKey, invoiceId, InvoiceStatus.AiCompleted);
            machine = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            using var trial = await client.PostAsJsonAsync("/api/v1/licenses/trial", new { machine_id = machine, email = "drill@exemple.fr" });
            Assert.Equal(HttpStatusCode.Created, trial.StatusCode);
            licenseKey = (await trial.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("license_key").GetString()!;
        }
        NpgsqlConnection.ClearAllPools();
        var rowsBefore = await TableDigestsAsync();
        var blobsBefore = BlobDigests();
        Assert.Contains(rowsBefore, t => t.Key == "accounting_entries" && t.Value.Rows > 0);
        Assert.Contains(rowsBefore, t => t.Key == "licenses" && t.Value.Rows == 1);
        Assert.Contains(blobsBefore, b => b.Key.StartsWith("invoices/", StringComparison.Ordinal));

        var backup = await ScriptAsync("backup.sh");
        var backupPath = backup.Stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith(Path.Combine(_local, "backups", "backend-"), backupPath);
        Assert.True(File.Exists(backupPath + ".sha256"));
        // Encrypted: neither the PDF's text nor the dump's rows are readable in the file.
        var stored = await File.ReadAllBytesAsync(backupPath);
        Assert.Equal(-1, stored.AsSpan().IndexOf("ACME"u8));
        Assert.Equal(-1, stored.AsSpan().IndexOf("PGDMP"u8));

        // The machine loses its database and its files; only the backup (and its key) are left.
        await ScriptAsync("db.sh", "stop");
        Directory.Delete(Path.Combine(_local, "pg"), recursive: true);
        Directory.Delete(Path.Combine(_local, "blobs"), recursive: true);
        File.Delete(Path.Combine(_local, "secrets", "encryption-key-local1"));
        File.Delete(Path.Combine(_local, "secrets", "license-signing-key"));

        await ScriptAsync("restore.sh", backupPath);
        NpgsqlConnection.ClearAllPools();

        Assert.Equal(rowsBefore, await TableDigestsAsync());
        Assert.Equal(blobsBefore, BlobDigests());
        // The keys come back with the data (a restored machine reads them, as scripts/run.sh does).
        Assert.Equal(_encryptionKey, await File.ReadAllTextAsync(Path.Combine(_local, "secrets", "encryption-key-local1")));
        Assert.Equal(_signingKey, await File.ReadAllTextAsync(Path.Combine(_local, "secrets", "license-signing-key")));
        await using (var host = Host())
        {
            using var client = host.CreateClient();
            var invoice = await WaitForAsync(client, apiKey, invoiceId, InvoiceStatus.AiCompleted);
            Assert.NotEmpty(invoice.GetProperty("accountingEntries").EnumerateArray());
            // The OCR text was encrypted with the restored key: it still opens.
            Assert.Contains("ACME", invoice.GetProperty("ocrText").GetString());
            using var file = await client.GetAsync(new Uri(invoice.GetProperty("fileUrl").GetString()!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
            using var validate = await client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = licenseKey });
            var validation = await validate.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(validation.GetProperty("valid").GetBoolean(), validation.ToString());
        }
    }

    [Fact]
    public async Task A_backup_read_with_the_wrong_key_or_damaged_changes_nothing()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.ExecuteAsync("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        }
        var backupPath = (await ScriptAsync("backup.sh")).Stdout.TrimEnd().Split('\n')[^1];
        var before = await TableDigestsAsync();
        Assert.Equal(1, before["kept"].Rows);

        var wrongKey = Path.Combine(_local, "wrong-key");
        await File.WriteAllTextAsync(wrongKey, "not the key");
        var refused = await RunAsync("restore.sh", [backupPath, "--force"], new Dictionary<string, string> { ["BACKEND_BACKUP_KEY_FILE"] = wrongKey });
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("cannot decrypt", refused.Stderr);

        var bytes = await File.ReadAllBytesAsync(backupPath);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(backupPath, bytes);
        var damaged = await RunAsync("restore.sh", [backupPath, "--force"]);
        Assert.NotEqual(0, damaged.ExitCode);
        Assert.Contains("checksum", damaged.Stderr);
        Assert.Equal(before, await TableDigestsAsync());
    }

    [Fact]
    public async Task Only_the_newest_backups_are_kept()
    {
        var environment = new Dictionary<string, string> { ["BACKEND_BACKUP_KEEP"] = "2" };
        var paths = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var run = await RunAsync("backup.sh", [], environment);
            Assert.True(run.ExitCode == 0, run.ToString());
            paths.Add(run.Stdout.TrimEnd().Split('\n')[^1]);
        }
        Assert.Equal(3, paths.Distinct().Count());
        Assert.Equal(paths.Skip(1).Order(), Directory.GetFiles(Path.Combine(_local, "backups"), "*.tar.enc").Order());
    }

    private SelfHostFactory Host()
    {
        var host = new SelfHostFactory(ConnectionString);
        host.Settings["BlobStore:RootPath"] = Path.Combine(_local, "blobs");
        host.Settings["Encryption:Keys:local1"] = _encryptionKey;
        host.Settings["Licensing:SigningPrivateKey"] = _signingKey;
        host.Settings["Ocr:Engine"] = "local";
        return host;
    }

    private static string NewSigningKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }

    private async Task<Dictionary<string, (long Rows, string Digest)>> TableDigestsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
        var digests = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            digests[table] = await connection.QuerySingleAsync<(long, string)>(
                $"SELECT count(*), COALESCE(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \"{table}\" t");
        }
        return digests;
    }

    private Dictionary<string, string> BlobDigests()
    {
        var root = Path.Combine(_local, "blobs");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
    }

    private async Task<ProgramRun> ScriptAsync(string script, params string[] arguments)
    {
        var run = await RunAsync(script, arguments);
        Assert.True(run.ExitCode == 0, $"scripts/{script}: {run}");
        return run;
    }

    private Task<ProgramRun> RunAsync(string script, string[] arguments, Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string> { ["BACKEND_LOCAL_DIR"] = _local, ["BACKEND_PG_PORT"] = _port.ToString() };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }
        return ProgramRun.RunAsync(Path.Combine(RepositoryFiles.Root, "scripts", script), arguments, ScriptTimeout, environment);
    }

    private static async Task<string> CreateTenantAsync(HttpClient client, string adminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/tenants") { Content = JsonContent.Create(new { name = "Cabinet Drill" }) };
        request.Headers.Add("X-Api-Key", adminKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_key").GetString()!;
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string apiKey, byte[] pdf)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "facture.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = form };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiceId").GetGuid();
    }

    private static Task<JsonElement> WaitForAsync(HttpClient client, string apiKey, Guid id, string status) =>
        Eventually.MatchAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/invoices/{id}");
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await client.SendAsync(request);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");
        }, invoice => invoice.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(60), $"invoice {id} reaches {status}");
}
