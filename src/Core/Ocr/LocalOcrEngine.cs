using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

/// <summary>
/// OCR without any cloud service: a PDF with a text layer is read by <c>pdftotext -layout</c> (exact, fast);
/// scanned PDFs are rendered by <c>pdftoppm -r 300</c> and, like images, read by <c>tesseract</c> in TSV mode for
/// word confidences.
/// </summary>
public sealed class LocalOcrEngine(IOptions<OcrSettings> options) : IOcrEngine
{
    // Fewer letters and digits than this and the "text layer" is noise (page numbers, a stray header).
    private const int MinimumTextLayerCharacters = 16;

    // Tesseract otherwise starts one OpenMP thread per core per page; the queue already runs pages in parallel.
    private static readonly Dictionary<string, string> TesseractEnvironment = new() { ["OMP_THREAD_LIMIT"] = "1" };

    private OcrSettings Settings => options.Value;

    private TimeSpan Timeout => TimeSpan.FromSeconds(Settings.LocalTimeoutSeconds);

    public async Task<OcrResult> ReadAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new OcrException("Fichier vide : aucun contenu à lire.");
        }
        if (ImageDimensions.Read(content.Span, mediaType) is var (width, height) && (long)width * height > ImageDimensions.MaxPixels)
        {
            throw new OcrException($"Image trop grande ({width} × {height} pixels) : numérisez la facture en 300 dpi.");
        }
        var work = Directory.CreateTempSubdirectory("ocr-");
        try
        {
            var input = Path.Combine(work.FullName, "input" + MediaTypes.ExtensionOf(mediaType));
            await File.WriteAllBytesAsync(input, content.ToArray(), cancellationToken);
            return mediaType switch
            {
                MediaTypes.Pdf => await ReadPdfAsync(input, work.FullName, cancellationToken),
                MediaTypes.Png or MediaTypes.Jpeg or MediaTypes.Tiff => await ReadImagesAsync([input], cancellationToken),
                _ => throw new OcrException("Format de fichier non pris en charge (PDF, PNG, JPEG ou TIFF attendus)."),
            };
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<OcrResult> ReadPdfAsync(string pdf, string work, CancellationToken cancellationToken)
    {
        var maxPages = Settings.MaxPages.ToString(CultureInfo.InvariantCulture);
        var text = await ExternalCommand.RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", "-l", maxPages, pdf, "-"], Timeout, cancellationToken);
        if (text.ExitCode != 0)
        {
            throw PdfError(text);
        }
        var pageTexts = text.StandardOutput.Split('\f');
        // pdftotext ends every page with a form feed, so the last piece is empty.
        if (pageTexts.Length > 1 && pageTexts[^1].Length == 0)
        {
            pageTexts = pageTexts[..^1];
        }
        if (text.StandardOutput.Count(char.IsLetterOrDigit) >= MinimumTextLayerCharacters)
        {
            var pages = pageTexts.Select((t, i) => new OcrPage(i + 1, t, [])).ToList();
            var raw = JsonSerializer.Serialize(new { engine = "pdftotext", pages = pageTexts });
            return new OcrResult("pdftotext", string.Join('\f', pageTexts), 1.0, pages, [], raw);
        }

        // No text layer: a scan wrapped in a PDF.
        var prefix = Path.Combine(work, "page");
        var render = await ExternalCommand.RunAsync("pdftoppm", ["-r", "300", "-gray", "-png", "-l", maxPages, pdf, prefix], Timeout, cancellationToken);
        if (render.ExitCode != 0)
        {
            throw PdfError(render);
        }
        var images = Directory.GetFiles(work, "page*.png").Order(StringComparer.Ordinal).ToList();
        if (images.Count == 0)
        {
            throw new OcrException("Le PDF ne contient aucune page.");
        }
        return await ReadImagesAsync(images, cancellationToken);
    }

    private async Task<OcrResult> ReadImagesAsync(IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        var pages = new List<OcrPage>();
        var raw = new List<string>();
        foreach (var image in images)
        {
            var run = await ExternalCommand.RunAsync("tesseract",
                [image, "stdout", "-l", Settings.TesseractLanguages, "--psm", "3", "tsv"], Timeout, cancellationToken, TesseractEnvironment);
            if (run.ExitCode != 0)
            {
                throw new OcrException(run.StandardError.Contains("Error in pixReadStream", StringComparison.Ordinal)
                        || run.StandardError.Contains("Unsupported image type", StringComparison.Ordinal)
                    ? "Image illisible ou corrompue."
                    : "Échec de Tesseract sur le document.", isTransient: false);
            }
            raw.Add(run.StandardOutput);
            // A multi-page TIFF comes back as one TSV with several page numbers.
            pages.AddRange(TesseractTsv.Parse(run.StandardOutput, firstPageNumber: pages.Count + 1));
            if (pages.Count >= Settings.MaxPages)
            {
                break;
            }
        }
        var words = pages.SelectMany(p => p.Words).ToList();
        if (words.Count(w => w.Text.Any(char.IsLetterOrDigit)) == 0)
        {
            throw new OcrException("Aucun texte lisible dans le document (image vide ou illisible).");
        }
        var totalLength = words.Sum(w => w.Text.Length);
        var confidence = words.Sum(w => w.Confidence * w.Text.Length) / Math.Max(1, totalLength);
        var text = string.Join('\f', pages.Select(p => p.Text));
        return new OcrResult("tesseract", text, Math.Round(confidence, 4), pages, [],
            JsonSerializer.Serialize(new { engine = "tesseract", tsv = raw }));
    }

    private static OcrException PdfError(CommandResult result)
    {
        var error = result.StandardError;
        if (error.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase) || result.ExitCode == 3)
        {
            return new OcrException("PDF protégé par mot de passe : impossible de le lire. Envoyez une version sans protection.");
        }
        if (error.Contains("Document stream is empty", StringComparison.Ordinal))
        {
            return new OcrException("Fichier vide : aucun contenu à lire.");
        }
        return new OcrException("PDF illisible : fichier corrompu ou tronqué.");
    }
}
