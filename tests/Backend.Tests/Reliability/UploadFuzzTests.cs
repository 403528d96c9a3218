using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Backend.Core.Ocr;
using Backend.Tests.Infrastructure;
using Dapper;
using Xunit.Abstractions;

namespace Backend.Tests.Reliability;

/// <summary>
/// Damaged and hostile documents through the whole pipeline (upload → queue → local OCR): truncated and bit-flipped
/// PDFs and PNGs, images declaring huge dimensions, pages of absurd size, PDFs of thousands of pages. Each upload is
/// accepted or refused with the envelope, and each accepted invoice ends in a final state with a readable message,
/// in bounded time. Cases per kind: <c>RELIABILITY_UPLOAD_FUZZ_CASES</c> (CI 6).
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class UploadFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Declared_image_dimensions_are_read_from_the_header()
    {
        Assert.Equal((640, 480), ImageDimensions.Read(TestFiles.Png(640, 480, rows: 1), MediaTypes.Png));
        Assert.Equal((60_000, 60_000), ImageDimensions.Read(TestFiles.Png(60_000, 60_000, rows: 1), MediaTypes.Png));
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x03, 0x20, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0];
        Assert.Equal((1280, 800), ImageDimensions.Read(jpeg, MediaTypes.Jpeg));
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 2, 0, 0, 1, 4, 0, 1, 0, 0, 0, 0x10, 0x27, 0, 0, 1, 1, 3, 0, 1, 0, 0, 0, 0x20, 0x4E, 0, 0];
        Assert.Equal((10_000, 20_000), ImageDimensions.Read(tiff, MediaTypes.Tiff));
        Assert.Null(ImageDimensions.Read([0x89, 0x50], MediaTypes.Png));
        Assert.Null(ImageDimensions.Read([0xFF, 0xD8, 0xFF], MediaTypes.Jpeg));
    }

    [Fact]
    public async Task Damaged_and_oversized_documents_end_in_a_defined_state_in_bounded_time()
    {
        var perKind = ReliabilityFigures.Scaled("RELIABILITY_UPLOAD_FUZZ_CASES", 6);
        await using var host = ReliabilityHost.Create(_database, s => s["Ocr:LocalTimeoutSeconds"] = "30");
        var (_, key) = await host.CreateTenantAsync();
        var random = new Random(20261121);
        var pdf = TestFiles.TextPdf(1);
        var png = TestFiles.Png(400, 120);

        byte[] Truncated(byte[] source) => source[..random.Next(9, source.Length - 1)];
        byte[] Flipped(byte[] source)
        {
            var copy = (byte[])source.Clone();
            for (var i = random.Next(1, 20); i > 0; i--)
            {
                var at = random.Next(8, copy.Length); // keep the magic bytes, so the upload is accepted and OCR meets the damage
                copy[at] ^= (byte)(1 << random.Next(8));
            }
            return copy;
        }
        var documents = new List<(string Kind, byte[] Content, string Name)>();
        for (var i = 0; i < perKind; i++)
        {
            documents.Add(("truncated pdf", Truncated(pdf), "t.pdf"));
            documents.Add(("bit-flipped pdf", Flipped(pdf), "f.pdf"));
            documents.Add(("truncated png", Truncated(png), "t.png"));
            documents.Add(("bit-flipped png", Flipped(png), "f.png"));
        }
        documents.Add(("png declaring 60000×60000", TestFiles.Png(60_000, 60_000, rows: 4), "bomb.png"));
        documents.Add(("pdf page 200×200 inches, no text", TestFiles.TextPdf(1, "", 14_400, 14_400), "huge-page.pdf"));
        documents.Add(("pdf of 3000 text pages", TestFiles.TextPdf(3000), "long.pdf"));
        documents.Add(("pdf of 2000 pages without text", TestFiles.TextPdf(2000, ""), "long-scan.pdf"));

        var accepted = new List<(Guid Id, string Kind)>();
        var refused = new Dictionary<string, int>();
        foreach (var (kind, content, name) in documents)
        {
            var (status, body) = await host.UploadRawAsync(key, content, name);
            ErrorEnvelope.Assert(status, body);
            if (status == HttpStatusCode.Created)
            {
                accepted.Add((JsonDocument.Parse(body).RootElement.GetProperty("invoiceId").GetGuid(), kind));
            }
            else
            {
                refused[$"{kind} {(int)status}"] = refused.GetValueOrDefault($"{kind} {(int)status}") + 1;
            }
        }

        var watch = Stopwatch.StartNew();
        await using var db = await _database.DataSource.OpenConnectionAsync();
        var ids = accepted.Select(a => a.Id).ToArray();
        await Eventually.TrueAsync(async () => await db.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM invoices WHERE id = ANY(@ids) AND status IN ('OCR_COMPLETED', 'PENDING_VALIDATION', 'OCR_FAILED')", new { ids }) == ids.Length,
            TimeSpan.FromSeconds(240), "every accepted document ends in a final state");
        var rows = (await db.QueryAsync<(Guid Id, string Status, int RetryCount, string? ErrorMessage, double Seconds)>(
            "SELECT id, status, retry_count, error_message, extract(epoch FROM updated_at - uploaded_at)::float8 FROM invoices WHERE id = ANY(@ids)", new { ids })).ToList();
        Assert.All(rows.Where(r => r.Status == "OCR_FAILED"), r => Assert.False(string.IsNullOrWhiteSpace(r.ErrorMessage)));
        var bomb = rows.Single(r => r.Id == accepted.Single(a => a.Kind.StartsWith("png declaring", StringComparison.Ordinal)).Id);
        Assert.Equal("OCR_FAILED", bomb.Status);
        Assert.Contains("trop grande", bomb.ErrorMessage);
        Assert.Equal(1, bomb.RetryCount); // refused at once, not retried

        var byKind = accepted.Join(rows, a => a.Id, r => r.Id, (a, r) => (a.Kind, r.Status, r.Seconds))
            .GroupBy(x => x.Kind)
            .Select(g => $"{g.Key}: {string.Join("/", g.GroupBy(x => x.Status).Select(s => $"{s.Key}×{s.Count()}"))} (max {g.Max(x => x.Seconds):F1} s)");
        ReliabilityFigures.Record(output, "upload fuzz",
            $"{documents.Count} documents, {accepted.Count} accepted, refused {string.Join(", ", refused.Select(r => $"{r.Key}×{r.Value}"))}; " +
            $"{string.Join("; ", byKind)}; all final after {watch.Elapsed.TotalSeconds:F0} s; test process RSS {Environment.WorkingSet / 1048576} MB");
    }
}
