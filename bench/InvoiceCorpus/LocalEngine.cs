using System.Globalization;
using System.Text;
using System.Text.Json;
using Backend.Core.Ocr;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// The minimal local OCR path the pipeline uses offline: <c>pdftotext -layout</c> for a PDF with a text
/// layer, <c>tesseract -l fra+eng</c> TSV for page images. Confidences are normalised to 0–1.
/// </summary>
public static class LocalEngine
{
    public static OcrResult ReadTextPdf(string pdfPath)
    {
        var text = ExternalTool.Run("pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");
        var pages = text.Split('\f').Where((p, i) => i == 0 || p.Trim().Length > 0).Select((p, i) => new OcrPage(i + 1, p, [])).ToList();
        return new OcrResult("pdftotext", text, 1.0, pages, [], "{}");
    }

    /// <summary>
    /// The visible page of a Factur-X PDF only: <c>pdftocairo -pdf</c> rewrites it without its attachments, so
    /// nothing downstream can read the embedded XML the truth comes from.
    /// </summary>
    public static OcrResult ReadVisibleTextLayer(string pdfPath, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var flat = Path.Combine(workDirectory, Path.GetFileNameWithoutExtension(pdfPath) + ".visible.pdf");
        ExternalTool.Run("pdftocairo", "-pdf", pdfPath, flat);
        try
        {
            return ReadTextPdf(flat);
        }
        finally
        {
            File.Delete(flat);
        }
    }

    /// <summary>
    /// The scan path: every page rendered at 300 dpi grey (no text layer, no XML), then Tesseract. Tesseract's TSV
    /// is kept next to the work files (<c>name-N.tsv</c>) and reused, so re-scoring after an extractor change takes
    /// seconds instead of minutes; delete the directory to OCR again.
    /// </summary>
    public static OcrResult ReadVisibleScan(string pdfPath, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var stem = Path.Combine(workDirectory, Path.GetFileNameWithoutExtension(pdfPath));
        var cached = Directory.GetFiles(workDirectory, Path.GetFileName(stem) + "-*.tsv").Order(StringComparer.Ordinal).ToList();
        if (cached.Count == 0)
        {
            ExternalTool.Run("pdftoppm", "-r", "300", "-gray", "-png", pdfPath, stem);
            foreach (var png in Directory.GetFiles(workDirectory, Path.GetFileName(stem) + "-*.png").Order(StringComparer.Ordinal))
            {
                var tsv = ExternalTool.Run("tesseract", png, "-", "-l", "fra+eng", "--psm", TesseractTsv.PageSegmentationMode, "tsv");
                File.WriteAllText(Path.ChangeExtension(png, ".tsv.tmp"), tsv);
                File.Move(Path.ChangeExtension(png, ".tsv.tmp"), Path.ChangeExtension(png, ".tsv"), overwrite: true);
                File.Delete(png);
            }
            cached = Directory.GetFiles(workDirectory, Path.GetFileName(stem) + "-*.tsv").Order(StringComparer.Ordinal).ToList();
        }
        var pages = cached.Select((tsv, i) => ParseTsv(File.ReadAllText(tsv), i + 1)).ToList();
        var confidences = pages.SelectMany(p => p.Words.Select(w => w.Confidence)).ToList();
        return new OcrResult("tesseract", string.Join("\f", pages.Select(p => p.Text)), confidences.Count == 0 ? 0 : confidences.Average(), pages, [], JsonSerializer.Serialize(new { pages = pages.Count }));
    }

    public static OcrResult ReadImages(IReadOnlyList<string> imagePaths)
    {
        var pages = new List<OcrPage>();
        var confidences = new List<double>();
        for (var i = 0; i < imagePaths.Count; i++)
        {
            var tsv = ExternalTool.Run("tesseract", imagePaths[i], "-", "-l", "fra+eng", "--psm", TesseractTsv.PageSegmentationMode, "tsv");
            var page = ParseTsv(tsv, i + 1);
            confidences.AddRange(page.Words.Select(w => w.Confidence));
            pages.Add(page);
        }
        var text = string.Join("\f", pages.Select(p => p.Text));
        var confidence = confidences.Count == 0 ? 0 : confidences.Average();
        return new OcrResult("tesseract", text, confidence, pages, [], JsonSerializer.Serialize(new { pages = pages.Count }));
    }

    public static OcrPage ParseTsv(string tsv, int pageNumber)
    {
        var words = new List<OcrWord>();
        var text = new StringBuilder();
        (int Block, int Par, int Line)? previous = null;
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var cols = row.TrimEnd('\r').Split('\t');
            if (cols.Length < 12 || cols[0] != "5" || string.IsNullOrWhiteSpace(cols[11]))
            {
                continue;
            }
            int I(int c) => int.Parse(cols[c], CultureInfo.InvariantCulture);
            var key = (I(2), I(3), I(4));
            if (previous is not null)
            {
                text.Append(previous.Value == key ? ' ' : '\n');
            }
            previous = key;
            text.Append(cols[11]);
            var conf = double.Parse(cols[10], CultureInfo.InvariantCulture);
            // Tesseract numbers lines per paragraph; fold the paragraph in so lines stay distinct per block.
            words.Add(new OcrWord(cols[11], Math.Clamp(conf / 100, 0, 1), I(6), I(7), I(8), I(9), I(2), I(3) * 1000 + I(4)));
        }
        return new OcrPage(pageNumber, text.ToString(), words);
    }
}
