using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

/// <summary>
/// OCR without any cloud service: a PDF with a text layer is read by <c>pdftotext -layout</c> (exact, fast), its
/// words' boxes by <c>pdftotext -bbox</c>;
/// scanned PDFs are rendered by <c>pdftoppm</c> (300 dpi, less for pages so large that 300 dpi would exceed
/// <see cref="MaxRenderedPixels"/>) and, like images, read by <c>tesseract</c> in TSV mode for word confidences.
/// Sizes are known before anything is decoded (image headers, every TIFF page, PDF page boxes from <c>pdfinfo</c>),
/// and every tool runs under <see cref="ProcessLimits"/>: a document too large to read fails once, permanently.
/// </summary>
public sealed class LocalOcrEngine(IOptions<OcrSettings> options) : IOcrEngine
{
    // Fewer letters and digits than this and the "text layer" is noise (page numbers, a stray header).
    private const int MinimumTextLayerCharacters = 16;

    // Tesseract otherwise starts one OpenMP thread per core per page; the queue already runs pages in parallel.
    private static readonly Dictionary<string, string> TesseractEnvironment = new() { ["OMP_THREAD_LIMIT"] = "1" };

    /// <summary>Largest page pdftoppm renders: an A3 page at 300 dpi is 17.4 million pixels.</summary>
    public const long MaxRenderedPixels = 25_000_000;

    /// <summary>Below this resolution a page's text is too small to read; a page that would need less is refused.</summary>
    public const int MinimumRenderDpi = 50;

    private const int PreferredDpi = 300;

    private OcrSettings Settings => options.Value;

    private TimeSpan Timeout => TimeSpan.FromSeconds(Settings.LocalTimeoutSeconds);

    private ProcessLimits Limits => new(Settings.LocalMaxMemoryMegabytes * 1024L * 1024, Settings.LocalTimeoutSeconds);

    public async Task<OcrResult> ReadAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new OcrException("Fichier vide : aucun contenu à lire.");
        }
        var imagePages = ImageDimensions.Pages(content.Span, mediaType);
        for (var i = 0; i < imagePages.Count; i++)
        {
            var (width, height) = imagePages[i];
            if ((long)width * height > ImageDimensions.MaxPixels)
            {
                var page = imagePages.Count > 1 ? $"page {i + 1} : " : "";
                throw new OcrException($"Image trop grande ({page}{width} × {height} pixels) : numérisez la facture en 300 dpi.");
            }
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
        var text = await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", "-l", maxPages, pdf, "-"], cancellationToken);
        if (ExceededLimits(text))
        {
            throw TooHeavy();
        }
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
            var boxes = await TextLayerBoxesAsync(pdf, maxPages, cancellationToken);
            var pages = pageTexts.Select((t, i) => i < boxes.Count
                ? new OcrPage(i + 1, t, []) { Width = boxes[i].Width, Height = boxes[i].Height, TextLayerWords = boxes[i].Words }
                : new OcrPage(i + 1, t, [])).ToList();
            var raw = JsonSerializer.Serialize(new { engine = "pdftotext", pages = pageTexts });
            return new OcrResult("pdftotext", string.Join('\f', pageTexts), 1.0, pages, [], raw);
        }

        // No text layer: a scan wrapped in a PDF. Each page's size decides its resolution before pdftoppm allocates anything.
        var info = await RunAsync("pdfinfo", ["-f", "1", "-l", maxPages, "-box", pdf], cancellationToken);
        if (ExceededLimits(info))
        {
            throw TooHeavy();
        }
        if (info.ExitCode != 0)
        {
            throw PdfError(info);
        }
        var sizes = PdfPageSize.Parse(info.StandardOutput);
        if (sizes.Count == 0)
        {
            throw new OcrException("Le PDF ne contient aucune page.");
        }
        var plan = new List<(PdfPageSize Size, int Dpi)>();
        foreach (var size in sizes.Take(Settings.MaxPages))
        {
            var dpi = size.DpiWithin(MaxRenderedPixels, PreferredDpi);
            if (dpi < MinimumRenderDpi)
            {
                throw new OcrException(string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                    $"Page {size.Page} du PDF trop grande ({size.WidthPoints / 72:0.#} × {size.HeightPoints / 72:0.#} pouces) : ce n'est pas une facture numérisée lisible."));
            }
            plan.Add((size, dpi));
        }
        var images = new List<string>();
        foreach (var (size, dpi) in plan)
        {
            var page = size.Page.ToString(CultureInfo.InvariantCulture);
            var prefix = Path.Combine(work, "page-" + size.Page.ToString("D4", CultureInfo.InvariantCulture));
            var render = await RunAsync("pdftoppm",
                ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", "-f", page, "-l", page, pdf, prefix], cancellationToken);
            // Out of memory, pdftoppm says so on stderr, writes a 1×1 image and exits 0.
            if (ExceededLimits(render))
            {
                throw TooHeavy();
            }
            if (render.ExitCode != 0)
            {
                throw PdfError(render);
            }
            var image = prefix + ".png";
            if (!File.Exists(image))
            {
                throw new OcrException("PDF illisible : fichier corrompu ou tronqué.");
            }
            images.Add(image);
        }
        return await ReadImagesAsync(images, cancellationToken);
    }

    /// <summary>
    /// Where each word of the text layer sits (<c>pdftotext -bbox</c>), so a field can be shown where it was read. Only a
    /// help for the person reviewing: a failure here leaves the invoice without positions, never fails its reading.
    /// </summary>
    private async Task<IReadOnlyList<PdfTextBoxes.Page>> TextLayerBoxesAsync(string pdf, string maxPages, CancellationToken cancellationToken)
    {
        var run = await RunAsync("pdftotext", ["-bbox", "-enc", "UTF-8", "-l", maxPages, pdf, "-"], cancellationToken);
        return run.ExitCode == 0 && !ExceededLimits(run) ? PdfTextBoxes.Parse(run.StandardOutput) : [];
    }

    private async Task<OcrResult> ReadImagesAsync(IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        var pages = new List<OcrPage>();
        var raw = new List<string>();
        foreach (var image in images)
        {
            var run = await RunAsync("tesseract", [image, "stdout", "-l", Settings.TesseractLanguages, "--psm", TesseractTsv.PageSegmentationMode, "tsv"], cancellationToken, TesseractEnvironment);
            if (ExceededLimits(run))
            {
                throw TooHeavy();
            }
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

    private Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ExternalCommand.RunAsync(program, arguments, Timeout, cancellationToken, environment, Limits);

    /// <summary>Killed for its CPU time, or out of memory under its address-space limit: the document itself is too heavy.</summary>
    private static bool ExceededLimits(CommandResult result) =>
        result.ExitCode is ProcessLimits.CpuTimeExceededExitCode or ProcessLimits.KilledExitCode
        || result.StandardError.Contains("Out of memory", StringComparison.OrdinalIgnoreCase)
        || result.StandardError.Contains("bad_alloc", StringComparison.Ordinal)
        || result.StandardError.Contains("malloc fail", StringComparison.Ordinal)
        || result.StandardError.Contains("Cannot allocate memory", StringComparison.Ordinal);

    // Not transient: the same document would exceed the same limits on every attempt.
    private OcrException TooHeavy() => new(
        $"Document trop lourd à lire (plus de {Settings.LocalMaxMemoryMegabytes} Mo de mémoire ou {Settings.LocalTimeoutSeconds} s de calcul) : numérisez la facture en 300 dpi, format A4.");

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
