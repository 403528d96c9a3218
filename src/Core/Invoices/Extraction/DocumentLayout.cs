using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// The rows and columns of a document, built from <c>pdftotext -layout</c> text (columns are runs of two
/// or more spaces) or from positioned OCR words (rows are words at the same height once the page's skew
/// is taken out; columns are gaps wider than a character).
/// </summary>
internal sealed partial class DocumentLayout
{
    // Some PDF generators kern a word's capital apart and pdftotext prints a space there: "R echnungsnummer",
    // "F ax", "G mbH". A lone capital (not a French or English one-letter word: A, I, Y, O) glued back to the
    // lower-case rest of its word.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=(?:^|[\s(])[B-HJ-NP-XZÄÖÜ]) (?=[a-zäöüß]{2})")]
    private static partial System.Text.RegularExpressions.Regex KernedCapital();

    private DocumentLayout(IReadOnlyList<LayoutLine> lines, IReadOnlyDictionary<int, double> lineHeights)
    {
        Lines = lines;
        LineHeights = lineHeights;
    }

    public IReadOnlyList<LayoutLine> Lines { get; }

    /// <summary>Per page, the height of one text line in the page's units.</summary>
    public IReadOnlyDictionary<int, double> LineHeights { get; }

    public double LineHeight(int page) => LineHeights.GetValueOrDefault(page, 1);

    /// <summary>The cells of <paramref name="line"/> that reach into [left, right]: cells are ordered and disjoint, so bisection finds the first.</summary>
    public IEnumerable<LayoutCell> CellsOverlapping(LayoutLine line, double left, double right, ExtractionBudget budget)
    {
        int lo = 0, hi = line.Cells.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (line.Cells[mid].Right < left)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (var c = lo; c < line.Cells.Count && line.Cells[c].Left <= right; c++)
        {
            budget.Spend(1);
            yield return line.Cells[c];
        }
    }

    public static DocumentLayout From(OcrResult ocr)
    {
        var pagesWithWords = ocr.Pages.Where(p => p.Words.Count > 0).ToList();
        if (pagesWithWords.Count > 0)
        {
            return FromWords(ocr.Pages);
        }
        if (ocr.Pages.Count > 0 && ocr.Pages.Any(p => !string.IsNullOrWhiteSpace(p.Text)))
        {
            return FromText(ocr.Pages.Select(p => p.Text));
        }
        return FromText(ocr.Text.Split('\f'));
    }

    public static DocumentLayout FromText(IEnumerable<string> pages)
    {
        var lines = new List<LayoutLine>();
        var heights = new Dictionary<int, double>();
        var pageNumber = 0;
        foreach (var page in pages)
        {
            pageNumber++;
            heights[pageNumber] = 1;
            var rows = page.Replace("\r", "").Split('\n');
            for (var row = 0; row < rows.Length; row++)
            {
                var cells = SplitColumns(KernedCapital().Replace(rows[row], ""));
                if (cells.Count > 0)
                {
                    lines.Add(new LayoutLine(pageNumber, lines.Count, row, cells));
                }
            }
        }
        return new DocumentLayout(lines, heights);
    }

    private static List<LayoutCell> SplitColumns(string row)
    {
        var cells = new List<LayoutCell>();
        var i = 0;
        var text = row.Replace('\t', ' ');
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]) && !IsNarrowSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            var start = i;
            var end = i;
            while (i < text.Length)
            {
                if (!char.IsWhiteSpace(text[i]) || IsNarrowSpace(text[i]))
                {
                    i++;
                    end = i;
                    continue;
                }
                // One ordinary space continues the cell; two or more end it.
                if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
                {
                    i++;
                    continue;
                }
                break;
            }
            cells.Add(new LayoutCell(text[start..end], start, end, 1));
        }
        return cells;
    }

    private static bool IsNarrowSpace(char c) => c is '\u00A0' or '\u202F' or '\u2009';

    public static DocumentLayout FromWords(IReadOnlyList<OcrPage> pages)
    {
        var lines = new List<LayoutLine>();
        var heights = new Dictionary<int, double>();
        foreach (var page in pages)
        {
            var words = page.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Height > 0).ToList();
            if (words.Count == 0)
            {
                foreach (var textLine in FromText([page.Text]).Lines)
                {
                    lines.Add(textLine with { Page = page.Number, Index = lines.Count });
                }
                heights[page.Number] = 1;
                continue;
            }
            var medianHeight = Median(words.Select(w => (double)w.Height));
            heights[page.Number] = medianHeight * 1.4;
            var slope = EstimateSlope(words);
            // Shear the page straight: at ±2° a row drifts by more than a line height across an A4 page.
            var placed = words
                .Select(w => (Word: w, Y: w.Top + w.Height / 2.0 - slope * (w.Left + w.Width / 2.0)))
                .OrderBy(p => p.Y)
                .ToList();
            var rows = new List<List<(OcrWord Word, double Y)>>();
            var rowSum = 0.0;
            foreach (var p in placed)
            {
                var row = rows.Count > 0 ? rows[^1] : null;
                // The running sum keeps this linear: a row's mean is asked once per word.
                if (row is not null && Math.Abs(p.Y - rowSum / row.Count) < medianHeight * 0.55)
                {
                    row.Add(p);
                    rowSum += p.Y;
                }
                else
                {
                    rows.Add([p]);
                    rowSum = p.Y;
                }
            }
            foreach (var row in rows)
            {
                var ordered = row.OrderBy(r => r.Word.Left).ToList();
                var cells = new List<LayoutCell>();
                var current = new List<OcrWord>();
                foreach (var (word, _) in ordered)
                {
                    if (current.Count > 0)
                    {
                        var previous = current[^1];
                        var gap = word.Left - (previous.Left + previous.Width);
                        // Word gaps grow with the font: a title's spaces are wider than body text's.
                        if (gap > Math.Max(medianHeight, Math.Min(previous.Height, word.Height)) * 1.1)
                        {
                            cells.Add(ToCell(current));
                            current = [];
                        }
                    }
                    current.Add(word);
                }
                if (current.Count > 0)
                {
                    cells.Add(ToCell(current));
                }
                lines.Add(new LayoutLine(page.Number, lines.Count, row.Average(r => r.Y), cells));
            }
        }
        return new DocumentLayout(lines, heights);
    }

    private static LayoutCell ToCell(List<OcrWord> words) => new(
        string.Join(' ', words.Select(w => w.Text)),
        words[0].Left,
        words[^1].Left + words[^1].Width,
        // Tesseract marks words it gives no confidence for with -1: unknown, not wrong.
        words.Where(w => w.Confidence >= 0).Select(w => w.Confidence).DefaultIfEmpty(1).Min());

    /// <summary>The median slope of the engine's own lines (dy/dx), from their first and last words.</summary>
    private static double EstimateSlope(List<OcrWord> words)
    {
        var slopes = new List<double>();
        foreach (var line in words.GroupBy(w => (w.Block, w.Line)))
        {
            var ordered = line.OrderBy(w => w.Left).ToList();
            if (ordered.Count < 2)
            {
                continue;
            }
            var first = ordered[0];
            var last = ordered[^1];
            var dx = (last.Left + last.Width / 2.0) - (first.Left + first.Width / 2.0);
            if (dx < first.Height * 6)
            {
                continue;
            }
            var dy = (last.Top + last.Height / 2.0) - (first.Top + first.Height / 2.0);
            slopes.Add(dy / dx);
        }
        return slopes.Count == 0 ? 0 : Math.Clamp(Median(slopes), -0.07, 0.07);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
