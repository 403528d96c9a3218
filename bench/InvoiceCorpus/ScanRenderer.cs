using System.Globalization;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// Turns a text-layer PDF into what a scanner would give: 300-dpi greyscale pages, slightly rotated,
/// with noise, blur and JPEG compression, drawn deterministically from the seed.
/// </summary>
public static class ScanRenderer
{
    /// <returns>The degraded page images, in page order.</returns>
    public static IReadOnlyList<string> Render(string pdfPath, string outputDirectory, int seed)
    {
        Directory.CreateDirectory(outputDirectory);
        var stem = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(pdfPath));
        ExternalTool.Run("pdftoppm", "-r", "300", "-gray", "-png", pdfPath, stem);
        var rng = new Random(seed);
        var pages = Directory.GetFiles(outputDirectory, Path.GetFileName(stem) + "-*.png").Order(StringComparer.Ordinal).ToList();
        var result = new List<string>();
        foreach (var png in pages)
        {
            var jpg = Path.ChangeExtension(png, ".jpg");
            var angle = (rng.NextDouble() * 4 - 2).ToString("0.00", CultureInfo.InvariantCulture);
            var blur = (0.3 + rng.NextDouble() * 0.6).ToString("0.00", CultureInfo.InvariantCulture);
            var noise = (0.2 + rng.NextDouble() * 0.4).ToString("0.00", CultureInfo.InvariantCulture);
            var quality = rng.Next(35, 75).ToString(CultureInfo.InvariantCulture);
            ExternalTool.Run(ExternalTool.ImageMagick, png,
                "-background", "white", "-rotate", angle,
                "-seed", seed.ToString(CultureInfo.InvariantCulture), "-attenuate", noise, "+noise", "Gaussian",
                "-blur", $"0x{blur}", "-quality", quality, jpg);
            File.Delete(png);
            result.Add(jpg);
        }
        return result;
    }
}
