using System.Text;
using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;

namespace Backend.Tests.EInvoices;

/// <summary>
/// The structured reader on hostile input: it never throws, never reads a file outside the document, never expands an
/// entity, stops at its size and depth caps, and reads nothing from elements in a foreign namespace. A corrupt
/// attachment gives a reason to fall back to OCR.
/// </summary>
public sealed class ParsingFuzzTests
{
    private static readonly StructuredInvoiceReader Reader = new(new InvoiceFieldExtractor());
    private static readonly GeneratedEInvoice Valid = InvoiceGenerator.GenerateEInvoice(7, 3);

    public static TheoryData<string> HostileXml => new(["xxe", "billion-laughs", "deep", "wrong-namespace", "wrong-child-namespace", "not-xml"]);

    private static byte[] Hostile(string kind) => kind switch
    {
        "xxe" => HostileEInvoices.Xxe(),
        "billion-laughs" => HostileEInvoices.BillionLaughs(),
        "deep" => HostileEInvoices.DeepNesting(),
        "wrong-namespace" => HostileEInvoices.WrongNamespace(Valid.Cii),
        "wrong-child-namespace" => HostileEInvoices.WrongChildNamespace(Valid.Cii),
        _ => Encoding.UTF8.GetBytes("<html><body>pas une facture</body></html>"),
    };

    [Theory]
    [MemberData(nameof(HostileXml))]
    public void A_hostile_xml_is_refused_or_falls_back_with_a_reason(string kind)
    {
        var xml = Hostile(kind);

        var asFile = Reader.Read(xml, MediaTypes.Xml);
        var inPdf = Reader.Read(HostileEInvoices.FacturXCarrying(xml), MediaTypes.Pdf);

        foreach (var read in new[] { asFile, inPdf })
        {
            Assert.Null(read.Invoice);
            Assert.False(string.IsNullOrWhiteSpace(read.FallbackReason));
            Assert.DoesNotContain(HostileEInvoices.Secret, read.FallbackReason + read.Text + read.RawJson);
        }
        // Upload and inbox detection: only a recognised root is an e-invoice; a DTD makes it no file of ours.
        var detected = MediaTypes.Detect(xml);
        Assert.True(detected is null || (detected == MediaTypes.Xml && kind is "deep" or "wrong-child-namespace"), $"{kind} detected as {detected}");
    }

    [Fact]
    public void A_50_MB_xml_stops_at_the_cap_whether_bare_or_compressed_in_a_pdf()
    {
        var huge = HostileEInvoices.Huge();
        Assert.True(huge.Length >= 50 * 1024 * 1024);
        var pdf = HostileEInvoices.FacturXCarrying(huge);
        Assert.True(pdf.Length < 10 * 1024 * 1024, "the bomb passes the 10 MB upload cap once compressed");

        var bare = Reader.Read(huge, MediaTypes.Xml);
        var attached = Reader.Read(pdf, MediaTypes.Pdf);

        Assert.Contains("10 Mo", bare.FallbackReason);
        Assert.Contains("10 Mo", attached.FallbackReason);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void A_truncated_attachment_falls_back_to_ocr_with_the_reason(double keep)
    {
        var read = Reader.Read(HostileEInvoices.FacturXTruncated(Valid.Cii, keep), MediaTypes.Pdf);

        Assert.Null(read.Invoice);
        Assert.StartsWith("Factur-X illisible", read.FallbackReason);
    }

    [Fact]
    public void A_bom_and_a_bogus_encoding_attribute_are_tolerated()
    {
        var text = Encoding.UTF8.GetString(Valid.Ubl).Replace("encoding=\"UTF-8\"", "encoding=\"made-up-9\"");
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        foreach (var bytes in new[] { withBom, utf16 })
        {
            Assert.Equal(MediaTypes.Xml, MediaTypes.Detect(bytes));
            var read = Reader.Read(bytes, MediaTypes.Xml);
            Assert.Null(read.FallbackReason);
            Assert.Equal(Valid.Truth.AmountTtc, read.Invoice!.Fields.AmountTtc!.Value);
        }
    }

    [Fact]
    public void Random_corruptions_of_valid_files_never_throw()
    {
        var random = new Random(20261128);
        var samples = new[] { (Valid.FacturXPdf, MediaTypes.Pdf), (Valid.Cii, MediaTypes.Xml), (Valid.Ubl, MediaTypes.Xml) };
        for (var i = 0; i < 300; i++)
        {
            var (original, mediaType) = samples[i % samples.Length];
            var bytes = original.ToArray();
            switch (random.Next(3))
            {
                case 0:
                    for (var k = 0; k < 1 + random.Next(20); k++)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }
                    break;
                case 1:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                default:
                    var at = random.Next(bytes.Length);
                    bytes = [.. bytes[..at], .. Encoding.UTF8.GetBytes("<ram:ID>\u0000</x>&amp;<![CDATA[>"), .. bytes[at..]];
                    break;
            }
            var read = Reader.Read(bytes, mediaType);
            if (read.Invoice is not null)
            {
                Assert.Equal(1.0, read.Invoice.Fields.Confidence);
            }
            _ = MediaTypes.Detect(bytes);
        }
    }
}
