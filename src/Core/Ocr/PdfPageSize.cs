using System.Globalization;
using System.Text.RegularExpressions;

namespace Backend.Core.Ocr;

/// <summary>
/// The size in points of each page of a PDF as <c>pdfinfo -f 1 -l N -box</c> reports it, known before anything is
/// rendered. pdftoppm renders the media box (the crop box only with <c>-cropbox</c>); the larger of the two is kept.
/// </summary>
public sealed partial record PdfPageSize(int Page, double WidthPoints, double HeightPoints)
{
    public static IReadOnlyList<PdfPageSize> Parse(string pdfinfoOutput)
    {
        var pages = new SortedDictionary<int, (double Width, double Height)>();
        foreach (Match match in BoxLine().Matches(pdfinfoOutput))
        {
            var page = int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture);
            double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            var width = Math.Abs(Number("x2") - Number("x1"));
            var height = Math.Abs(Number("y2") - Number("y1"));
            var known = pages.GetValueOrDefault(page);
            pages[page] = (Math.Max(known.Width, width), Math.Max(known.Height, height));
        }
        return pages.Select(p => new PdfPageSize(p.Key, p.Value.Width, p.Value.Height)).ToList();
    }

    /// <summary>The resolution (≤ <paramref name="preferredDpi"/>) at which this page renders to at most <paramref name="maxPixels"/> pixels.</summary>
    public int DpiWithin(long maxPixels, int preferredDpi)
    {
        var squareInches = WidthPoints / 72 * (HeightPoints / 72);
        if (squareInches <= 0)
        {
            return preferredDpi;
        }
        return (int)Math.Min(preferredDpi, Math.Floor(Math.Sqrt(maxPixels / squareInches)));
    }

    [GeneratedRegex(@"^Page\s+(?<page>\d+)\s+(?:MediaBox|CropBox):\s+(?<x1>-?[\d.]+)\s+(?<y1>-?[\d.]+)\s+(?<x2>-?[\d.]+)\s+(?<y2>-?[\d.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex BoxLine();
}
