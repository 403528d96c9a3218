using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// Writes a minimal text-layer PDF (A4, Helvetica and Helvetica-Bold, WinAnsi encoding) so the corpus
/// needs no PDF library: pdftotext reads it like any office-generated invoice. With <see cref="AttachFacturX"/> it
/// becomes a Factur-X: the CII XML embedded as a PDF/A-3 associated file (name tree, <c>/AF</c>, XMP metadata).
/// </summary>
public sealed class PdfWriter
{
    private sealed record Attachment(string Name, byte[] Stream, bool Compressed, int Size);

    private readonly List<Attachment> _attachments = [];

    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    private static readonly Encoding WinAnsi = CodePagesEncoding();
    private readonly List<StringBuilder> _pages = [];
    private StringBuilder _current = null!;

    public PdfWriter() => NewPage();

    public int PageCount => _pages.Count;

    public void NewPage()
    {
        _current = new StringBuilder();
        _pages.Add(_current);
    }

    /// <param name="y">From the top of the page, in points.</param>
    public void Text(double x, double y, string text, double size = 10, bool bold = false)
    {
        _current.Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {x:0.##} {PageHeight - y:0.##} Td (");
        // WinAnsi has no narrow no-break space; a no-break space is what office suites write instead.
        foreach (var b in WinAnsi.GetBytes(text.Replace('\u202F', '\u00A0')))
        {
            _current.Append(b switch
            {
                (byte)'(' => "\\(",
                (byte)')' => "\\)",
                (byte)'\\' => "\\\\",
                < 32 or > 126 => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
                _ => ((char)b).ToString(),
            });
        }
        _current.Append(") Tj ET\n");
    }

    public void TextRight(double right, double y, string text, double size = 10, bool bold = false) =>
        Text(right - Width(text, size, bold), y, text, size, bold);

    public void TextCentered(double center, double y, string text, double size = 10, bool bold = false) =>
        Text(center - Width(text, size, bold) / 2, y, text, size, bold);

    public void Line(double x1, double y1, double x2, double y2, double width = 0.5) =>
        _current.Append(CultureInfo.InvariantCulture, $"{width:0.##} w {x1:0.##} {PageHeight - y1:0.##} m {x2:0.##} {PageHeight - y2:0.##} l S\n");

    public void Rect(double x, double y, double w, double h, double gray = 0.9) =>
        _current.Append(CultureInfo.InvariantCulture, $"{gray:0.##} g {x:0.##} {PageHeight - y - h:0.##} {w:0.##} {h:0.##} re f 0 g\n");

    public static double Width(string text, double size, bool bold)
    {
        double units = 0;
        foreach (var c in text)
        {
            units += GlyphWidth(c);
        }
        return units * size / 1000 * (bold ? 1.06 : 1);
    }

    private static int GlyphWidth(char c)
    {
        const string widths = "278278355556556889667191333333389584278333278278556556556556556556556556556556278278584584584556999667667722722667611778722278500667556833722778667778722667611722667944667667611278278278469556333556556500556556278556556222222500222833556556556556333500278556500722500500500334260334584";
        if (c >= 32 && c <= 126)
        {
            var i = (c - 32) * 3;
            return int.Parse(widths.AsSpan(i, 3), CultureInfo.InvariantCulture);
        }
        var folded = c.ToString().Normalize(NormalizationForm.FormD)[0];
        if (folded >= 32 && folded <= 126)
        {
            return GlyphWidth(folded);
        }
        return c switch
        {
            '\u00A0' or '\u202F' => 278,
            '°' => 400,
            _ => 556,
        };
    }

    /// <summary>Embeds <paramref name="xml"/> as <c>factur-x.xml</c> (Flate-compressed, as every Factur-X library writes it).</summary>
    public void AttachFacturX(byte[] xml, string name = "factur-x.xml") => AttachRaw(name, Deflate(xml), compressed: true, xml.Length);

    /// <summary>Embeds a stream as given (tests write truncated or hostile attachments with it).</summary>
    public void AttachRaw(string name, byte[] stream, bool compressed, int size) => _attachments.Add(new Attachment(name, stream, compressed, size));

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }

    public byte[] ToBytes()
    {
        var objects = new List<byte[]>();
        var pageIds = new List<int>();
        // 1 catalog, 2 pages, 3 F1, 4 F2, then per page: content, page.
        var firstPageObject = 5;
        for (var i = 0; i < _pages.Count; i++)
        {
            pageIds.Add(firstPageObject + i * 2 + 1);
        }
        objects.Add([]); // the catalog, written once the attachments have their object numbers
        objects.Add(Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {_pages.Count} >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
        for (var i = 0; i < _pages.Count; i++)
        {
            var content = Ascii(_pages[i].ToString());
            var stream = new List<byte>();
            stream.AddRange(Ascii($"<< /Length {content.Length} >>\nstream\n"));
            stream.AddRange(content);
            stream.AddRange(Ascii("\nendstream"));
            objects.Add(stream.ToArray());
            objects.Add(Ascii(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {firstPageObject + i * 2} 0 R >>")));
        }
        var catalog = "<< /Type /Catalog /Pages 2 0 R";
        if (_attachments.Count > 0)
        {
            var specs = new List<(string Name, int Id)>();
            foreach (var a in _attachments)
            {
                var stream = new List<byte>();
                stream.AddRange(Ascii($"<< /Type /EmbeddedFile /Subtype /text#2Fxml /Params << /Size {a.Size} >> /Length {a.Stream.Length}{(a.Compressed ? " /Filter /FlateDecode" : "")} >>\nstream\n"));
                stream.AddRange(a.Stream);
                stream.AddRange(Ascii("\nendstream"));
                objects.Add(stream.ToArray());
                var streamId = objects.Count;
                objects.Add(Ascii($"<< /Type /Filespec /F ({a.Name}) /UF ({a.Name}) /AFRelationship /Data /Desc (Factur-X invoice) /EF << /F {streamId} 0 R /UF {streamId} 0 R >> >>"));
                specs.Add((a.Name, objects.Count));
            }
            var xmp = Encoding.UTF8.GetBytes(Xmp(_attachments[0].Name));
            var metadata = new List<byte>();
            metadata.AddRange(Ascii($"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n"));
            metadata.AddRange(xmp);
            metadata.AddRange(Ascii("\nendstream"));
            objects.Add(metadata.ToArray());
            catalog += $" /Metadata {objects.Count} 0 R /Names << /EmbeddedFiles << /Names [{string.Join(' ', specs.Select(s => $"({s.Name}) {s.Id} 0 R"))}] >> >>" +
                       $" /AF [{string.Join(' ', specs.Select(s => $"{s.Id} 0 R"))}]";
        }
        objects[0] = Ascii(catalog + " >>");

        using var output = new MemoryStream();
        void Write(byte[] b) => output.Write(b);
        Write(Ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write(Ascii($"{i + 1} 0 obj\n"));
            Write(objects[i]);
            Write(Ascii("\nendobj\n"));
        }
        var xref = output.Position;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(Ascii(sb.ToString()));
        return output.ToArray();
    }

    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    // PDF/A-3B identification and the Factur-X extension schema (document type, file name, version, profile).
    private static string Xmp(string fileName) => $"""
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
           <pdfaid:part>3</pdfaid:part>
           <pdfaid:conformance>B</pdfaid:conformance>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
           <fx:DocumentType>INVOICE</fx:DocumentType>
           <fx:DocumentFileName>{fileName}</fx:DocumentFileName>
           <fx:Version>1.0</fx:Version>
           <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """;

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("?"));
    }
}
