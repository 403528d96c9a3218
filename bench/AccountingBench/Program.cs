// Accounting benchmark: the AI-analysis attempt (claim → rules → checks → store, on PostgreSQL) and the Sage/FEC
// export of a period, on this machine; plus the pure rules analyzer and file writers in memory. Usage:
//   dotnet run -c Release -- <server connection string> [invoices=1000] [concurrency=2]
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Backend.Core;
using Backend.Core.Accounting;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Accounting.Export;
using Backend.Core.Data;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

var server = args.Length > 0 ? args[0] : throw new ArgumentException("usage: <server connection string> [invoices] [concurrency]");
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;

var database = "bench_" + Guid.NewGuid().ToString("N")[..12];
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"CREATE DATABASE \"{database}\"");
}
var blobRoot = Directory.CreateTempSubdirectory("bench-blobs-").FullName;
try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        ["BlobStore:RootPath"] = blobRoot,
        ["Encryption:ActiveKeyId"] = "bench",
        ["Encryption:Keys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }).Build();
    var services = new ServiceCollection()
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddBackendCore(configuration)
        .AddSelfHostedAdapters(configuration)
        .AddInvoices(configuration)
        .AddAccounting(configuration)
        .BuildServiceProvider();
    var dataSource = services.GetRequiredService<NpgsqlDataSource>();
    await services.GetRequiredService<MigrationRunner>().RunAsync();
    var attempt = services.GetRequiredService<AiAnalysisAttempt>();
    var export = services.GetRequiredService<AccountingExport>();

    var tenant = Guid.CreateVersion7();
    await dataSource.CreateCommand($"INSERT INTO tenants (id, name) VALUES ('{tenant}', 'bench')").ExecuteNonQueryAsync();
    string[] suppliers = ["Orange", "EDF", "Lyreco", "Cabinet Martin Expert-Comptable", "Foncia", "SNCF", "Chronopost", "OVH", "Boulangerie Dupont"];

    async Task<List<Guid>> InsertAsync(int n, int offset)
    {
        var ids = Enumerable.Range(0, n).Select(_ => Guid.CreateVersion7()).ToList();
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO invoices (id, tenant_id, file_name, blob_name, media_type, file_size, source, status, uploaded_at, updated_at,
                                  ocr_token, ocr_queued_at, supplier_name, invoice_number, invoice_date, amount_ht, amount_tva, amount_ttc, tva_rate, currency)
            VALUES (@Id, @tenant, 'f.pdf', 'b', 'application/pdf', 1, 'upload', 'OCR_COMPLETED', now(), now(),
                    gen_random_uuid(), now(), @Supplier, @Number, @Date, @Ht, @Tva, @Ttc, 20, 'EUR')
            """,
            ids.Select((id, i) =>
            {
                var ht = 10m + (i + offset) % 5000;
                return new { Id = id, tenant, Supplier = suppliers[i % suppliers.Length], Number = $"F-{i + offset:D6}",
                    Date = new DateOnly(2024, 1, 1).AddDays(i % 360), Ht = ht, Tva = ht * 0.2m, Ttc = ht * 1.2m };
            }));
        return ids;
    }

    // Warm-up: JIT, connection pool.
    foreach (var id in await InsertAsync(20, 1_000_000))
    {
        await attempt.RunAsync(new AnalysisJob(id, tenant), default);
    }

    var ids = await InsertAsync(count, 0);
    var latencies = new double[count];
    var next = -1;
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var clock = Stopwatch.StartNew();
            var status = await attempt.RunAsync(new AnalysisJob(ids[i], tenant), default);
            latencies[i] = clock.Elapsed.TotalMilliseconds;
            if (status != AnalysisAttemptStatus.Completed)
            {
                throw new InvalidOperationException($"analysis {status}");
            }
        }
    })));
    wall.Stop();
    Array.Sort(latencies);
    Console.WriteLine($"AI analysis (rules), {count} invoices, concurrency {concurrency}: {count / wall.Elapsed.TotalSeconds:F1} invoices/s; " +
                      $"per attempt p50 {Pct(latencies, 0.50):F1} ms, p95 {Pct(latencies, 0.95):F1} ms, max {latencies[^1]:F1} ms");

    await dataSource.CreateCommand("UPDATE invoices SET status = 'VALIDATED', validated_at = now() WHERE status = 'AI_COMPLETED'").ExecuteNonQueryAsync();
    var exportClock = Stopwatch.StartNew();
    var batch = await export.RunAsync(tenant, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), default);
    exportClock.Stop();
    var sageBytes = new FileInfo(Path.Combine(blobRoot, "exports", batch.SageBlob)).Length;
    var fecBytes = new FileInfo(Path.Combine(blobRoot, "exports", batch.FecBlob)).Length;
    Console.WriteLine($"Export of a year: {batch.Count} invoices, {batch.Lines} lines in {exportClock.Elapsed.TotalMilliseconds:F0} ms " +
                      $"(Sage {sageBytes / 1024.0:F0} KiB, FEC {fecBytes / 1024.0:F0} KiB)");

    // Pure: the rules analyzer, the checker and both writers on 10 000 invoices in memory.
    var rules = services.GetRequiredService<RulesInvoiceAnalyzer>();
    var settings = new AccountingSettings();
    var invoices = Enumerable.Range(0, 10_000).Select(i => new InvoiceFields
    {
        SupplierName = new(suppliers[i % suppliers.Length], 1),
        InvoiceNumber = new($"F-{i:D6}", 1),
        InvoiceDate = new(new DateOnly(2024, 1, 1).AddDays(i % 360), 1),
        AmountHt = new(300m + i, 1),
        AmountTva = new(31m, 1),
        AmountTtc = new(331m + i, 1),
        VatBreakdown = [new VatLine(5.5m, 200m, 11m), new VatLine(20m, 100m + i, 20m)],
    }).ToList();
    var pure = Stopwatch.StartNew();
    var exportInvoices = invoices.Select((f, i) =>
    {
        var proposal = rules.Analyze(new InvoiceToAnalyze(f, "Ramettes de papier, cartouches de toner"));
        if (ProposalChecker.Check(proposal.Entries, InvoiceAmounts.From(f), f.InvoiceDate!.Value, settings).Count > 0)
        {
            throw new InvalidOperationException("invariant broken");
        }
        return new ExportInvoice($"ACH{i:D6}", f.InvoiceNumber!.Value, f.InvoiceDate!.Value, f.InvoiceDate.Value, "EUR", false, proposal.Entries);
    }).ToList();
    var analyzed = pure.Elapsed.TotalMilliseconds;
    var sage = SageImportWriter.Write(exportInvoices);
    var fec = FecWriter.Write(exportInvoices);
    Console.WriteLine($"In memory, 10 000 two-rate invoices: rules + checks {analyzed:F0} ms, Sage + FEC writers {pure.Elapsed.TotalMilliseconds - analyzed:F0} ms " +
                      $"({sage.Lines} lines, {sage.Content.Length / 1024} + {fec.Content.Length / 1024} KiB)");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using (var admin = new NpgsqlConnection(server))
    {
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
    Directory.Delete(blobRoot, recursive: true);
}

static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
