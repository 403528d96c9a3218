using System.Globalization;
using System.Text;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// Turns a text-layer PDF into what a scanner would give: 300-dpi greyscale pages, slightly rotated
/// (±2°), blurred, noised, and JPEG-compressed, drawn deterministically from the seed. The pixel work is
/// done here (ImageMagick's rotate and blur cost seconds per A4 page on two cores); ImageMagick only
/// encodes the JPEG.
/// </summary>
public static class ScanRenderer
{
    /// <returns>The degraded page images, in page order.</returns>
    public static IReadOnlyList<string> Render(string pdfPath, string outputDirectory, int seed)
    {
        Directory.CreateDirectory(outputDirectory);
        var stem = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(pdfPath));
        ExternalTool.Run("pdftoppm", "-r", "300", "-gray", pdfPath, stem);
        var rng = new Random(seed);
        var pages = Directory.GetFiles(outputDirectory, Path.GetFileName(stem) + "-*.pgm").Order(StringComparer.Ordinal).ToList();
        var result = new List<string>();
        foreach (var pgm in pages)
        {
            var image = GreyImage.Read(pgm);
            image = image.Rotate(rng.NextDouble() * 4 - 2);
            image.Blur(0.3 + rng.NextDouble() * 0.6);
            image.AddNoise(rng, 6 + rng.NextDouble() * 10);
            image.Write(pgm);
            var jpg = Path.ChangeExtension(pgm, ".jpg");
            ExternalTool.Run(ExternalTool.ImageMagick, pgm, "-quality", rng.Next(35, 75).ToString(CultureInfo.InvariantCulture), jpg);
            File.Delete(pgm);
            result.Add(jpg);
        }
        return result;
    }

    private sealed class GreyImage(int width, int height, byte[] pixels)
    {
        public static GreyImage Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var position = 0;
            string Token()
            {
                while (char.IsWhiteSpace((char)bytes[position]))
                {
                    position++;
                }
                var start = position;
                while (!char.IsWhiteSpace((char)bytes[position]))
                {
                    position++;
                }
                return Encoding.ASCII.GetString(bytes, start, position - start);
            }
            if (Token() != "P5")
            {
                throw new InvalidDataException($"{path} is not a binary PGM");
            }
            var w = int.Parse(Token(), CultureInfo.InvariantCulture);
            var h = int.Parse(Token(), CultureInfo.InvariantCulture);
            Token();
            position++;
            return new GreyImage(w, h, bytes.AsSpan(position, w * h).ToArray());
        }

        public void Write(string path)
        {
            using var file = File.Create(path);
            file.Write(Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n"));
            file.Write(pixels);
        }

        /// <summary>Rotates about the centre with bilinear sampling; what comes in from outside is white paper.</summary>
        public GreyImage Rotate(double degrees)
        {
            var rad = degrees * Math.PI / 180;
            var (sin, cos) = Math.SinCos(rad);
            var output = new byte[pixels.Length];
            double cx = width / 2.0, cy = height / 2.0;
            Parallel.For(0, height, y =>
            {
                var dy = y - cy;
                for (var x = 0; x < width; x++)
                {
                    var dx = x - cx;
                    var sx = cos * dx + sin * dy + cx;
                    var sy = -sin * dx + cos * dy + cy;
                    var x0 = (int)Math.Floor(sx);
                    var y0 = (int)Math.Floor(sy);
                    if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height)
                    {
                        output[y * width + x] = 255;
                        continue;
                    }
                    double fx = sx - x0, fy = sy - y0;
                    var i = y0 * width + x0;
                    var top = pixels[i] * (1 - fx) + pixels[i + 1] * fx;
                    var bottom = pixels[i + width] * (1 - fx) + pixels[i + width + 1] * fx;
                    output[y * width + x] = (byte)(top * (1 - fy) + bottom * fy + 0.5);
                }
            });
            return new GreyImage(width, height, output);
        }

        /// <summary>A separable three-tap Gaussian approximation of the given sigma.</summary>
        public void Blur(double sigma)
        {
            var side = Math.Exp(-1 / (2 * sigma * sigma));
            var a = side / (1 + 2 * side);
            var b = 1 - 2 * a;
            var temp = new byte[pixels.Length];
            for (var y = 0; y < height; y++)
            {
                var row = y * width;
                temp[row] = pixels[row];
                temp[row + width - 1] = pixels[row + width - 1];
                for (var x = 1; x < width - 1; x++)
                {
                    temp[row + x] = (byte)(a * (pixels[row + x - 1] + pixels[row + x + 1]) + b * pixels[row + x] + 0.5);
                }
            }
            for (var y = 1; y < height - 1; y++)
            {
                var row = y * width;
                for (var x = 0; x < width; x++)
                {
                    pixels[row + x] = (byte)(a * (temp[row + x - width] + temp[row + x + width]) + b * temp[row + x] + 0.5);
                }
            }
        }

        public void AddNoise(Random rng, double standardDeviation)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                // Irwin–Hall: the sum of three uniforms is close enough to Gaussian for paper grain, and cheap.
                var n = (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * 2 * standardDeviation;
                pixels[i] = (byte)Math.Clamp(pixels[i] + n, 0, 255);
            }
        }
    }
}
