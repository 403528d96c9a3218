using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Backend.Tests.Ocr;

/// <summary>
/// Invoices the tests generate themselves: a PDF with a text layer (Helvetica, WinAnsi), the same page rendered to a
/// 300-dpi PNG scan by pdftoppm, a scan wrapped in a PDF without text layer, and broken files.
/// </summary>
public static class TestDocuments
{
    /// <summary>
    /// Everything adds up, but the only names are the customer's and its contact's, as on the FNFE BASICWL sample: the
    /// supplier is doubtful and the invoice waits for validation.
    /// </summary>
    public static readonly string[] NamelessInvoiceLines =
    [
        "FACTURE N° FA-2025-117",
        "Date de facture : 12/03/2025",
        "",
        "Facturé à :",
        "Ma jolie boutique",
        "Alexandre Payet",
        "12 rue du Marché, 13001 Marseille",
        "",
        "Désignation                     Quantité     Prix HT",
        "Nougat de Montélimar                 10       45,00 €",
        "",
        "Total HT                                     450,00 €",
        "TVA 5,5 %                                     24,75 €",
        "Total TTC                                    474,75 €",
    ];

    public static readonly string[] SampleInvoiceLines =
    [
        "ACME Fournitures SARL",
        "12 rue de la Paix, 75002 Paris",
        "SIRET : 732 829 320 00074",
        "TVA intracommunautaire : FR44732829320",
        "",
        "FACTURE N° FAC-2024-0042",
        "Date de facture : 15/01/2024",
        "Date d'échéance : 15 février 2024",
        "",
        "Désignation                     Quantité     Prix HT",
        "Ramettes papier A4                   10       45,00 €",
        "Cartouches d'encre                    5      955,00 €",
        "",
        "Total HT                                   1 000,00 €",
        "TVA 20 %                                     200,00 €",
        "Total TTC                                  1 200,00 €",
    ];

    /// <summary>A one-page A4 PDF whose text layer holds <paramref name="lines"/>.</summary>
    public static byte[] TextPdf(IReadOnlyList<string> lines, int pages = 1)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // pages, filled below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        var kids = new List<int>();
        for (var p = 0; p < pages; p++)
        {
            var content = new StringBuilder("BT /F1 11 Tf 14 TL 56 780 Td\n");
            foreach (var line in lines)
            {
                content.Append('(').Append(Escape(line)).Append(") Tj T*\n");
            }
            content.Append("ET");
            var stream = content.ToString();
            objects.Add($"<< /Length {Latin1Length(stream)} >>\nstream\n{stream}\nendstream");
            var contentId = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentId} 0 R >>");
            kids.Add(objects.Count);
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {pages} >>";
        return Assemble(objects.Select(o => Encoding.Latin1.GetBytes(o)).ToList(), extraTrailer: "");
    }

    /// <summary>A PDF that demands a user password (standard security handler; pdftotext cannot open it).</summary>
    public static byte[] PasswordProtectedPdf()
    {
        var objects = new List<byte[]>
        {
            Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.Latin1.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.Latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
            Encoding.Latin1.GetBytes($"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <{new string('1', 64)}> /U <{new string('2', 64)}> >>"),
        };
        return Assemble(objects, extraTrailer: " /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");
    }

    /// <summary>The first page of <paramref name="pdf"/> rendered at 300 dpi (an A4 "scan": 2481×3508 pixels).</summary>
    public static byte[] Render(byte[] pdf, string format = "png", int dpi = 300)
    {
        var dir = Directory.CreateTempSubdirectory("render-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            string[] formatFlag = format == "pgm" ? [] : ["-" + format];
            Run("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", .. formatFlag, "-singlefile", "-f", "1", "-l", "1", input, Path.Combine(dir.FullName, "out")]);
            return File.ReadAllBytes(Directory.GetFiles(dir.FullName, "out.*").Single());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A scan in a PDF: one page holding a 300-dpi grey image (Flate) and no text layer.</summary>
    public static byte[] ScannedPdf(IReadOnlyList<string> lines)
    {
        var (width, height, pixels) = ParsePgm(Render(TextPdf(lines), "pgm", 300));
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(pixels);
        }
        var data = compressed.ToArray();
        const string content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        var objects = new List<byte[]>
        {
            Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.Latin1.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.Latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>"),
            Concat(Encoding.Latin1.GetBytes($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {data.Length} >>\nstream\n"),
                data, Encoding.Latin1.GetBytes("\nendstream")),
            Encoding.Latin1.GetBytes($"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
        };
        return Assemble(objects, extraTrailer: "");
    }

    /// <summary>A white 300-dpi page: an image with no text at all.</summary>
    public static byte[] BlankPng() => Render(TextPdf([]), "png", 150);

    private static byte[] Assemble(IReadOnlyList<byte[]> objects, string extraTrailer)
    {
        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            output.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{extraTrailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    // WinAnsi: Latin-1 for accented letters, 0x80 for the euro sign; non-ASCII as octal escapes.
    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            var code = c == '€' ? 0x80 : c == '’' ? 0x92 : c;
            if (code is '(' or ')' or '\\')
            {
                builder.Append('\\').Append((char)code);
            }
            else if (code is < 32 or > 126)
            {
                builder.Append('\\').Append(Convert.ToString(code, 8).PadLeft(3, '0'));
            }
            else
            {
                builder.Append((char)code);
            }
        }
        return builder.ToString();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static int Latin1Length(string s) => Encoding.Latin1.GetByteCount(s);

    // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
    private static (int Width, int Height, byte[] Pixels) ParsePgm(byte[] pgm)
    {
        var fields = new List<string>();
        var position = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)pgm[position]))
            {
                position++;
            }
            fields.Add(Encoding.ASCII.GetString(pgm, start, position - start));
        }
        position++; // the single whitespace after maxval
        var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], CultureInfo.InvariantCulture);
        return (width, height, pgm[position..(position + width * height)]);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}
