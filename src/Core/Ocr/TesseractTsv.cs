using System.Globalization;
using System.Text;

namespace Backend.Core.Ocr;

/// <summary>
/// Parses Tesseract's TSV output (level, page_num, block_num, par_num, line_num, word_num, left, top, width,
/// height, conf, text) into pages of positioned words and line-broken text.
/// </summary>
public static class TesseractTsv
{
    /// <summary>
    /// Tesseract's page segmentation mode. Mode 4 (one column of lines of varying sizes) rather than the automatic 3:
    /// on real invoices mode 3 took boxed header cells ("FACTURE N° : …" beside a logo) and right-aligned total
    /// columns for pictures and dropped their text. The lines are rebuilt from the word boxes anyway
    /// (DocumentLayout), so the column reading of mode 3 brings nothing. Measured in bench/README.md.
    /// </summary>
    public const string PageSegmentationMode = "4";

    public static IReadOnlyList<OcrPage> Parse(string tsv, int firstPageNumber)
    {
        var pages = new SortedDictionary<int, List<(int Block, int Paragraph, int Line, OcrWord Word)>>();
        var sizes = new Dictionary<int, (int Width, int Height)>();
        foreach (var line in tsv.Split('\n'))
        {
            var columns = line.TrimEnd('\r').Split('\t');
            if (columns.Length >= 10 && columns[0] == "1")
            {
                // The page row: its box is the whole image, the unit the word boxes are normalised against.
                sizes[Int(columns[1])] = (Int(columns[8]), Int(columns[9]));
                // A page without a word still counts: the pages after it keep their numbers.
                pages.TryAdd(Int(columns[1]), []);
                continue;
            }
            if (columns.Length < 12 || columns[0] != "5")
            {
                continue; // header, or a page/block/paragraph/line row
            }
            var text = columns[11].Trim();
            if (text.Length == 0 || !double.TryParse(columns[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) || conf < 0)
            {
                continue;
            }
            var page = Int(columns[1]);
            var block = Int(columns[2]);
            var paragraph = Int(columns[3]);
            var lineNumber = Int(columns[4]);
            var word = new OcrWord(text, Math.Clamp(conf / 100.0, 0, 1), Int(columns[6]), Int(columns[7]), Int(columns[8]), Int(columns[9]), block, lineNumber);
            if (!pages.TryGetValue(page, out var words))
            {
                pages[page] = words = [];
            }
            words.Add((block, paragraph, lineNumber, word));
        }

        var result = new List<OcrPage>();
        var number = firstPageNumber;
        foreach (var (pageNumber, words) in pages)
        {
            var text = new StringBuilder();
            foreach (var group in words.GroupBy(w => (w.Block, w.Paragraph, w.Line)))
            {
                text.AppendJoin(' ', group.Select(w => w.Word.Text)).Append('\n');
            }
            var (width, height) = sizes.GetValueOrDefault(pageNumber);
            result.Add(new OcrPage(number++, text.ToString(), words.Select(w => w.Word).ToList()) { Width = width, Height = height });
        }
        return result;
    }

    private static int Int(string value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
