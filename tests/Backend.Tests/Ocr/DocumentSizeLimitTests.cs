using System.Diagnostics;
using Backend.Core.Ocr;
using Backend.Tests.Reliability;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Ocr;

/// <summary>
/// Documents whose pages would decode to gigabytes: refused from their declared sizes before any tool decodes them,
/// and every tool runs under kernel limits in case a size check misses something. Refusals are permanent.
/// </summary>
public sealed class DocumentSizeLimitTests
{
    private static LocalOcrEngine Engine(int maxMemoryMegabytes = 1024, int timeoutSeconds = 60) =>
        new(Options.Create(new OcrSettings { LocalMaxMemoryMegabytes = maxMemoryMegabytes, LocalTimeoutSeconds = timeoutSeconds }));

    [Fact]
    public void Every_page_of_a_tiff_is_measured_not_only_the_first()
    {
        var tiff = TestFiles.Tiff([(1, 1), (30_000, 30_000), (640, 480)], fullData: false);

        Assert.Equal([(1, 1), (30_000, 30_000), (640, 480)], ImageDimensions.Pages(tiff, MediaTypes.Tiff));
        Assert.Equal((1, 1), ImageDimensions.Read(tiff, MediaTypes.Tiff));
    }

    [Fact]
    public void A_tiff_whose_directories_loop_counts_as_an_impossible_page()
    {
        var tiff = TestFiles.Tiff([(10, 10), (10, 10)], fullData: false);
        // Point the second directory's "next" back at the first.
        var secondDirectory = 8 + (2 + 9 * 12 + 4);
        BitConverter.GetBytes(8u).CopyTo(tiff, secondDirectory + 2 + 9 * 12);

        var pages = ImageDimensions.Pages(tiff, MediaTypes.Tiff);

        Assert.Equal(3, pages.Count);
        Assert.Equal((int.MaxValue, int.MaxValue), pages[^1]);
    }

    [Fact]
    public async Task A_tiff_whose_second_page_is_30000_pixels_square_is_refused_before_tesseract_permanently()
    {
        var tiff = TestFiles.Tiff([(1, 1), (30_000, 30_000)], fullData: false);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(tiff, MediaTypes.Tiff, default));

        Assert.False(error.IsTransient);
        Assert.Equal("Image trop grande (page 2 : 30000 × 30000 pixels) : numérisez la facture en 300 dpi.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Page_boxes_from_pdfinfo_give_each_page_a_resolution_within_the_pixel_cap()
    {
        const string pdfinfo = """
            Pages:           2
            Page    1 size:  595 x 842 pts (A4)
            Page    1 MediaBox:      0.00     0.00   595.00   842.00
            Page    1 CropBox:       0.00     0.00   595.00   842.00
            Page    2 size:  10800 x 10800 pts
            Page    2 MediaBox:      0.00     0.00 10800.00 10800.00
            Page    2 CropBox:     100.00   100.00   200.00   200.00
            """;

        var pages = PdfPageSize.Parse(pdfinfo.ReplaceLineEndings("\n"));

        Assert.Equal([new PdfPageSize(1, 595, 842), new PdfPageSize(2, 10800, 10800)], pages);
        Assert.Equal(300, pages[0].DpiWithin(LocalOcrEngine.MaxRenderedPixels, 300));
        Assert.Equal(33, pages[1].DpiWithin(LocalOcrEngine.MaxRenderedPixels, 300));
        // A3 at 300 dpi (17.4 Mpx) still renders at full resolution.
        Assert.Equal(300, new PdfPageSize(1, 842, 1191).DpiWithin(LocalOcrEngine.MaxRenderedPixels, 300));
    }

    [Fact]
    public async Task A_pdf_of_ten_blank_pages_of_150_inches_is_refused_from_its_page_boxes_without_rendering()
    {
        var pdf = TestFiles.TextPdf(10, "", 10_800, 10_800);
        Assert.InRange(pdf.Length, 1000, 2100);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(pdf, MediaTypes.Pdf, default));

        Assert.False(error.IsTransient);
        Assert.Equal("Page 1 du PDF trop grande (150 × 150 pouces) : ce n'est pas une facture numérisée lisible.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_large_scanned_page_is_rendered_below_300_dpi_instead_of_past_the_pixel_cap()
    {
        // 40 × 40 inches: 300 dpi would be 144 Mpx; the cap allows 125 dpi (25 Mpx). Blank, so Tesseract finds no text.
        var pdf = TestFiles.TextPdf(1, "", 2_880, 2_880);

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(pdf, MediaTypes.Pdf, default));

        Assert.False(error.IsTransient);
        Assert.Contains("Aucun texte lisible", error.Message);
    }

    [Fact]
    public async Task Tools_run_under_the_configured_memory_and_cpu_limits()
    {
        var result = await ExternalCommand.RunAsync("sh", ["-c", "ulimit -v; ulimit -t"], TimeSpan.FromSeconds(10), default,
            limits: new ProcessLimits(300L * 1024 * 1024, 7));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["307200", "7"], result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_tool_that_spends_its_cpu_time_is_killed_by_the_kernel_well_before_its_wall_clock_timeout()
    {
        var clock = Stopwatch.StartNew();

        var result = await ExternalCommand.RunAsync("sh", ["-c", "while :; do :; done"], TimeSpan.FromSeconds(60), default,
            limits: new ProcessLimits(256L * 1024 * 1024, 1));

        // SIGXCPU at the soft limit, or SIGKILL at the hard one when the process (or the runtime that started it) ignores SIGXCPU.
        Assert.Contains(result.ExitCode, new[] { ProcessLimits.CpuTimeExceededExitCode, ProcessLimits.KilledExitCode });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Tesseract_out_of_memory_under_its_limit_fails_once_with_a_readable_reason()
    {
        var png = TestDocuments.Render(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine(maxMemoryMegabytes: 100).ReadAsync(png, MediaTypes.Png, default));

        Assert.False(error.IsTransient);
        Assert.StartsWith("Document trop lourd à lire (plus de 100 Mo de mémoire ou 60 s de calcul)", error.Message);
    }
}
