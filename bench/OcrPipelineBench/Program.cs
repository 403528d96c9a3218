// Invoice OCR pipeline benchmark: per-stage latency and throughput of OcrAttempt on this machine, with the real
// PostgreSQL, blobs on disk, pdftotext/Tesseract, the field extractor and AES-256-GCM. Usage:
//   dotnet run -c Release -- <server connection string> [textPdfs=200] [scans=8] [concurrency=2]
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Backend.Core;
using Backend.Core.Data;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Core.Security;
using Backend.Core.Storage;
using Backend.Tests.Ocr;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

var server = args.Length > 0 ? args[0] : throw new ArgumentException("usage: <server connection string> [textPdfs] [scans] [concurrency]");
var textCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var scanCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;

// Registers Core's Dapper type handlers (DateOnly, UTC timestamps), as every host does.
new ServiceCollection().AddBackendCore(new ConfigurationBuilder().Build());
var database = "bench_" + Guid.NewGuid().ToString("N")[..12];
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync($"CREATE DATABASE \"{database}\"");
}
var blobRoot = Directory.CreateTempSubdirectory("bench-blobs-").FullName;
try
{
    await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
    await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).RunAsync();

    var time = TimeProvider.System;
    var blobs = new FileSystemBlobStore(blobRoot);
    var queue = new PostgresJobQueue(dataSource);
    var store = new InvoiceStore(dataSource, time);
    var cipher = new FieldCipher(Options.Create(new EncryptionSettings
    {
        ActiveKeyId = "bench",
        Keys = new() { ["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
    }));
    var engine = new LocalOcrEngine(Options.Create(new OcrSettings()));
    var extractor = new InvoiceFieldExtractor();
    var attempt = new OcrAttempt(store, blobs, engine, extractor, new StructuredInvoiceReader(extractor), cipher, queue,
        Options.Create(new InvoicePipelineSettings()), NullLogger<OcrAttempt>.Instance);

    var tenant = Guid.CreateVersion7();
    await using (var connection = await dataSource.OpenConnectionAsync())
    {
        await connection.ExecuteAsync("INSERT INTO tenants (id, name) VALUES (@tenant, 'bench')", new { tenant });
    }

    var pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
    var scan = TestDocuments.Render(pdf);

    // Warm-up: JIT, connection pool, tool binaries in the page cache.
    await RunAsync("warm-up", pdf, MediaTypes.Pdf, 5, 1, print: false);
    await RunAsync("text-layer PDF (pdftotext)", pdf, MediaTypes.Pdf, textCount, concurrency, print: true);
    await RunAsync("scanned A4 page, 300 dpi PNG (tesseract)", scan, MediaTypes.Png, scanCount, concurrency, print: true);
    // A Factur-X of the corpus generator: its CII read from the PDF in-process, no external process.
    var facturX = Backend.Bench.InvoiceCorpus.InvoiceGenerator.GenerateEInvoice(20261128, 0).FacturXPdf;
    await RunAsync("warm-up", facturX, MediaTypes.Pdf, 5, 1, print: false);
    await RunAsync("Factur-X PDF (XML read in-process)", facturX, MediaTypes.Pdf, textCount, concurrency, print: true);

    async Task RunAsync(string name, byte[] content, string mediaType, int count, int parallel, bool print)
    {
        var jobs = new List<OcrJob>();
        foreach (var _ in Enumerable.Range(0, count))
        {
            var id = Guid.CreateVersion7();
            var invoice = new NewInvoice(id, tenant, "facture", $"{tenant:N}/{id:N}{MediaTypes.ExtensionOf(mediaType)}", mediaType, content.Length, "upload", Guid.NewGuid());
            using (var stream = new MemoryStream(content))
            {
                await blobs.PutAsync(ContainerNames.Invoices, invoice.BlobName, stream);
            }
            await store.InsertAsync(invoice, default);
            jobs.Add(new OcrJob(id, invoice.OcrToken));
        }

        var results = new List<(OcrAttemptResult Result, TimeSpan Wall)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (job, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            var result = await attempt.RunAsync(job, ct);
            var wall = Stopwatch.GetElapsedTime(start);
            lock (results)
            {
                results.Add((result, wall));
            }
        });
        var elapsed = clock.Elapsed;
        if (!print)
        {
            return;
        }
        var statuses = string.Join(", ", results.GroupBy(r => r.Result.Status).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine($"\n## {name}: {count} documents, concurrency {parallel}, {count / elapsed.TotalSeconds:0.0} documents/s ({statuses})\n");
        Console.WriteLine("| stage | p50 ms | p95 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        void Row(string stage, Func<(OcrAttemptResult Result, TimeSpan Wall), TimeSpan> pick)
        {
            var values = results.Select(r => pick(r).TotalMilliseconds).Order().ToList();
            double P(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {P(0.50):0.0} | {P(0.95):0.0} | {values[^1]:0.0} |"));
        }
        Row("claim", r => r.Result.Timings.Claim);
        Row("blob read", r => r.Result.Timings.BlobRead);
        Row("OCR engine", r => r.Result.Timings.Ocr);
        Row("field extraction", r => r.Result.Timings.Extraction);
        Row("encryption", r => r.Result.Timings.Encryption);
        Row("store (+ AI job enqueue)", r => r.Result.Timings.Store);
        Row("**pipeline overhead (all but OCR)**", r => r.Wall - r.Result.Timings.Ocr);
        Row("**end to end (one attempt)**", r => r.Wall);
    }
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
