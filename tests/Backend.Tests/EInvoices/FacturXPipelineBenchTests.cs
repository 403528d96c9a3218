using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Core.Security;
using Backend.Core.Storage;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;
using Backend.Tests.Reliability;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Backend.Tests.EInvoices;

/// <summary>
/// The e-invoice benchmark, small in CI and full size from <c>bench/einvoice-pipeline.sh</c>: one OCR attempt
/// (claim → blob → read → encrypt → stored result + AI job) for a text-layer PDF (pdftotext) and for a Factur-X PDF (its
/// XML, in-process) in the same run, on the real PostgreSQL and blobs on disk. Sizes: <c>EINVOICE_BENCH_DOCUMENTS</c>
/// per kind (CI 6), <c>EINVOICE_BENCH_CONCURRENCY</c> (1); figures also go to the file <c>EINVOICE_BENCH_REPORT</c>.
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class FacturXPipelineBenchTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Factur_x_end_to_end_p50_beside_the_text_layer_pdf()
    {
        var count = ReliabilityFigures.Scaled("EINVOICE_BENCH_DOCUMENTS", 6);
        var concurrency = ReliabilityFigures.Scaled("EINVOICE_BENCH_CONCURRENCY", 1);
        var blobRoot = Directory.CreateTempSubdirectory("einvoice-bench-").FullName;
        try
        {
            var blobs = new FileSystemBlobStore(blobRoot);
            var store = new InvoiceStore(_database.DataSource, TimeProvider.System);
            var cipher = new FieldCipher(Options.Create(new EncryptionSettings
            {
                ActiveKeyId = "bench",
                Keys = new() { ["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            }));
            var extractor = new InvoiceFieldExtractor();
            var attempt = new OcrAttempt(store, blobs, new LocalOcrEngine(Options.Create(new OcrSettings())), extractor,
                new StructuredInvoiceReader(extractor), cipher, new PostgresJobQueue(_database.DataSource),
                Options.Create(new InvoicePipelineSettings()), NullLogger<OcrAttempt>.Instance);
            var tenant = Guid.CreateVersion7();
            await using (var connection = await _database.DataSource.OpenConnectionAsync())
            {
                await connection.ExecuteAsync("INSERT INTO tenants (id, name) VALUES (@tenant, 'bench')", new { tenant });
            }

            var textPdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
            var facturX = InvoiceGenerator.GenerateEInvoice(20261128, 0).FacturXPdf;
            // A real one whose page draws with CID fonts: the printed-total check needs PdfPig's page layout there.
            var realFacturX = await File.ReadAllBytesAsync(EInvoiceFiles.RealInvoices()["lunatech-pa/facture_facturx_001.pdf"]);
            await RunAsync(textPdf, 3); // warm-up: JIT, pool, tool binaries in the page cache
            await RunAsync(facturX, 3);
            await RunAsync(realFacturX, 3);
            var text = await RunAsync(textPdf, count);
            var structured = await RunAsync(facturX, count);
            var real = await RunAsync(realFacturX, count);

            Assert.All(text.Results.Concat(structured.Results).Concat(real.Results), r => Assert.Equal(OcrAttemptStatus.Completed, r.Result.Status));
            Assert.Equal(2 * count, await ScalarAsync("SELECT count(*) FROM invoices WHERE ocr_engine = 'facturx' AND status = 'OCR_COMPLETED'") - 6);

            var table = new List<string>
            {
                $"{count} documents per kind, concurrency {concurrency}",
                "| stage (p50 ms) | text-layer PDF (pdftotext) | Factur-X PDF, generated (XML, in-process) | Factur-X PDF, real (CID fonts) |",
                "| --- | ---: | ---: | ---: |",
            };
            void Row(string stage, Func<(OcrAttemptResult Result, TimeSpan Wall), TimeSpan> pick) =>
                table.Add(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {P50(text.Results, pick):0.0} | {P50(structured.Results, pick):0.0} | {P50(real.Results, pick):0.0} |"));
            Row("claim", r => r.Result.Timings.Claim);
            Row("blob read", r => r.Result.Timings.BlobRead);
            Row("read (OCR engine / XML)", r => r.Result.Timings.Ocr);
            Row("field extraction", r => r.Result.Timings.Extraction);
            Row("encryption", r => r.Result.Timings.Encryption);
            Row("store (+ AI job enqueue)", r => r.Result.Timings.Store);
            Row("**end to end**", r => r.Wall);
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"Factur-X end to end p50 {P50(structured.Results, r => r.Wall):0.0} ms, p95 {P95(structured.Results, r => r.Wall):0.0} ms (real, CID fonts: p50 {P50(real.Results, r => r.Wall):0.0} ms); text-layer PDF p50 {P50(text.Results, r => r.Wall):0.0} ms, p95 {P95(text.Results, r => r.Wall):0.0} ms (same run)"));
            foreach (var line in table)
            {
                output.WriteLine(line);
            }
            if (Environment.GetEnvironmentVariable("EINVOICE_BENCH_REPORT") is { Length: > 0 } report)
            {
                await File.AppendAllLinesAsync(report, table);
            }

            async Task<(List<(OcrAttemptResult Result, TimeSpan Wall)> Results, TimeSpan Elapsed)> RunAsync(byte[] content, int n)
            {
                var jobs = new List<OcrJob>();
                for (var i = 0; i < n; i++)
                {
                    var id = Guid.CreateVersion7();
                    var invoice = new NewInvoice(id, tenant, "facture.pdf", $"{tenant:N}/{id:N}.pdf", MediaTypes.Pdf, content.Length, "upload", Guid.NewGuid());
                    using (var stream = new MemoryStream(content))
                    {
                        await blobs.PutAsync(ContainerNames.Invoices, invoice.BlobName, stream);
                    }
                    await store.InsertAsync(invoice, default);
                    jobs.Add(new OcrJob(id, invoice.OcrToken));
                }
                var results = new List<(OcrAttemptResult, TimeSpan)>();
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (job, ct) =>
                {
                    var start = Stopwatch.GetTimestamp();
                    var result = await attempt.RunAsync(job, ct);
                    var wall = Stopwatch.GetElapsedTime(start);
                    lock (results)
                    {
                        results.Add((result, wall));
                    }
                });
                return (results, clock.Elapsed);
            }
        }
        finally
        {
            Directory.Delete(blobRoot, recursive: true);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static double P50<T>(List<T> items, Func<T, TimeSpan> pick) => Percentile(items, pick, 0.50);

    private static double P95<T>(List<T> items, Func<T, TimeSpan> pick) => Percentile(items, pick, 0.95);

    private static double Percentile<T>(List<T> items, Func<T, TimeSpan> pick, double q)
    {
        var values = items.Select(i => pick(i).TotalMilliseconds).Order().ToList();
        return values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
    }
}
