using System.Diagnostics;
using Backend.Core.Ocr;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Ocr;

public sealed class LocalOcrEngineTests
{
    private static LocalOcrEngine Engine(int maxPages = 10, int timeoutSeconds = 60) =>
        new(Options.Create(new OcrSettings { MaxPages = maxPages, LocalTimeoutSeconds = timeoutSeconds }));

    [Fact]
    public async Task Text_layer_pdf_is_read_by_pdftotext_without_ocr()
    {
        var result = await Engine().ReadAsync(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), MediaTypes.Pdf, default);

        Assert.Equal("pdftotext", result.Engine);
        Assert.Contains("FAC-2024-0042", result.Text);
        Assert.Contains("1 200,00 €", result.Text);
        Assert.Contains("Date d'échéance : 15 février 2024", result.Text);
        Assert.Single(result.Pages);
        Assert.Equal(1.0, result.Confidence);
    }

    [Fact]
    public async Task Pages_beyond_the_cap_are_not_read()
    {
        var result = await Engine(maxPages: 2).ReadAsync(TestDocuments.TextPdf(["Page de facture"], pages: 4), MediaTypes.Pdf, default);

        Assert.Equal(2, result.Pages.Count);
    }

    [Fact]
    public async Task A_300_dpi_scan_is_read_by_tesseract_with_word_confidences()
    {
        var png = TestDocuments.Render(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));

        var result = await Engine().ReadAsync(png, MediaTypes.Png, default);

        Assert.Equal("tesseract", result.Engine);
        Assert.Contains("FAC-2024-0042", result.Text);
        Assert.Contains("Total TTC", result.Text);
        Assert.InRange(result.Confidence, 0.7, 1.0);
        var word = result.Pages[0].Words.First(w => w.Text.Contains("FAC-2024-0042", StringComparison.Ordinal));
        Assert.True(word.Left > 0 && word.Top > 0 && word.Width > 0 && word.Height > 0);
    }

    [Fact]
    public async Task A_scanned_pdf_without_text_layer_is_rendered_then_read_by_tesseract()
    {
        var result = await Engine().ReadAsync(TestDocuments.ScannedPdf(TestDocuments.SampleInvoiceLines), MediaTypes.Pdf, default);

        Assert.Equal("tesseract", result.Engine);
        Assert.Contains("ACME", result.Text);
    }

    [Fact]
    public async Task An_image_without_text_fails_permanently_with_a_readable_reason()
    {
        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(TestDocuments.BlankPng(), MediaTypes.Png, default));

        Assert.False(error.IsTransient);
        Assert.Contains("Aucun texte lisible", error.Message);
    }

    [Theory]
    [InlineData("corrupt", "corrompu")]
    [InlineData("truncated", "corrompu")]
    [InlineData("empty", "Fichier vide")]
    [InlineData("password", "mot de passe")]
    public async Task Broken_pdfs_fail_permanently_with_a_readable_reason(string kind, string expected)
    {
        var pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
        byte[] content = kind switch
        {
            "corrupt" => [.. "%PDF-1.4\n"u8, .. new byte[2000].Select((_, i) => (byte)(i * 31 % 251))],
            "truncated" => pdf[..(pdf.Length / 3)],
            "empty" => [],
            _ => TestDocuments.PasswordProtectedPdf(),
        };

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(content, MediaTypes.Pdf, default));

        Assert.False(error.IsTransient);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_tool_past_its_timeout_is_killed_and_reported_as_a_transient_failure()
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<OcrException>(() =>
            ExternalCommand.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(300), default));

        Assert.True(error.IsTransient);
        Assert.Contains("Délai de traitement OCR dépassé", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_kills_the_tool_and_cancels()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExternalCommand.RunAsync("sleep", ["30"], TimeSpan.FromMinutes(1), cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
