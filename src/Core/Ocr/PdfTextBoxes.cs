using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Backend.Core.Ocr;

/// <summary>
/// Reads <c>pdftotext -bbox</c> output (XHTML: <c>&lt;page width height&gt;</c> holding <c>&lt;word xMin yMin xMax
/// yMax&gt;</c>, in points from the page's top-left corner) into each page's size and positioned words. Boxes are
/// kept in hundredths of a point, <see cref="OcrWord"/>'s whole units.
/// </summary>
public static partial class PdfTextBoxes
{
    private const double Scale = 100;

    [GeneratedRegex("""<page\s+width="(?<w>[0-9.]+)"\s+height="(?<h>[0-9.]+)"\s*>""")]
    private static partial Regex PageTag();

    [GeneratedRegex("""<word\s+xMin="(?<x0>-?[0-9.]+)"\s+yMin="(?<y0>-?[0-9.]+)"\s+xMax="(?<x1>-?[0-9.]+)"\s+yMax="(?<y1>-?[0-9.]+)"\s*>(?<text>[^<]*)</word>""")]
    private static partial Regex WordTag();

    public sealed record Page(double Width, double Height, IReadOnlyList<OcrWord> Words);

    public static IReadOnlyList<Page> Parse(string xhtml)
    {
        var pages = new List<Page>();
        var starts = PageTag().Matches(xhtml);
        for (var p = 0; p < starts.Count; p++)
        {
            var start = starts[p].Index + starts[p].Length;
            var end = p + 1 < starts.Count ? starts[p + 1].Index : xhtml.Length;
            var words = new List<OcrWord>();
            var line = 0;
            var lastTop = double.NaN;
            foreach (Match w in WordTag().Matches(xhtml[start..end]))
            {
                var text = WebUtility.HtmlDecode(w.Groups["text"].Value).Trim();
                var x0 = Number(w.Groups["x0"].Value);
                var y0 = Number(w.Groups["y0"].Value);
                var x1 = Number(w.Groups["x1"].Value);
                var y1 = Number(w.Groups["y1"].Value);
                if (text.Length == 0 || x1 <= x0 || y1 <= y0)
                {
                    continue;
                }
                // pdftotext lists a line's words together; a new top starts the next line.
                if (Math.Abs(y0 - lastTop) > 0.5)
                {
                    line++;
                    lastTop = y0;
                }
                words.Add(new OcrWord(text, 1, Units(x0), Units(y0), Units(x1) - Units(x0), Units(y1) - Units(y0), 0, line));
            }
            pages.Add(new Page(Number(starts[p].Groups["w"].Value) * Scale, Number(starts[p].Groups["h"].Value) * Scale, words));
        }
        return pages;
    }

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Units(double points) => (int)Math.Round(points * Scale);
}
