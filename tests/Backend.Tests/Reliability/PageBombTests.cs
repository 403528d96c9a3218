using System.Diagnostics;
using Backend.Tests.Infrastructure;
using Dapper;
using Xunit.Abstractions;

namespace Backend.Tests.Reliability;

/// <summary>
/// The two page bombs of the security review, uploaded through the API with the local engine: a ~2 KB PDF of ten
/// blank 10 800-pt pages (2 Gpx each at 300 dpi) and a TIFF whose first page is 1×1 and second 30 000×30 000
/// (Deflate, ~0.9 MB). Both must end <c>OCR_FAILED</c> after one attempt with a readable reason, quickly.
/// Peak memory of each tool under these files: <c>bench/page-bombs.sh</c>.
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class PageBombTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Page_bombs_fail_once_permanently_within_seconds()
    {
        await using var host = ReliabilityHost.Create(_database, s => s["Ocr:Engine"] = "local");
        var (_, key) = await host.CreateTenantAsync();
        var pdf = TestFiles.TextPdf(10, "", 10_800, 10_800);
        var tiff = TestFiles.Tiff([(1, 1), (30_000, 30_000)]);

        var clock = Stopwatch.StartNew();
        var pdfId = await host.UploadAsync(key, pdf, "bomb.pdf");
        var tiffId = await host.UploadAsync(key, tiff, "bomb.tif");
        await Eventually.TrueAsync(async () => await host.StatusOfAsync(pdfId) == "OCR_FAILED" && await host.StatusOfAsync(tiffId) == "OCR_FAILED",
            TimeSpan.FromSeconds(60), "both bombs end OCR_FAILED");
        var final = clock.Elapsed;

        await using var db = await _database.DataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<(Guid Id, int RetryCount, string ErrorMessage, double Seconds)>(
            "SELECT id, retry_count, error_message, extract(epoch FROM updated_at - uploaded_at)::float8 FROM invoices WHERE id = ANY(@ids)",
            new { ids = new[] { pdfId, tiffId } })).ToDictionary(r => r.Id);
        Assert.Equal(1, rows[pdfId].RetryCount);
        Assert.Equal(1, rows[tiffId].RetryCount);
        Assert.Contains("trop grande", rows[pdfId].ErrorMessage);
        Assert.Contains("Image trop grande (page 2 : 30000 × 30000 pixels)", rows[tiffId].ErrorMessage);
        ReliabilityFigures.Record(output, "page bombs",
            $"pdf {pdf.Length} B (10 × 10800 pt): OCR_FAILED after {rows[pdfId].Seconds:F2} s, 1 attempt, \"{rows[pdfId].ErrorMessage}\"; " +
            $"tiff {tiff.Length / 1024} KB (1×1 + 30000×30000 Deflate): OCR_FAILED after {rows[tiffId].Seconds:F2} s, 1 attempt; both final {final.TotalSeconds:F1} s after the first upload");
    }
}
