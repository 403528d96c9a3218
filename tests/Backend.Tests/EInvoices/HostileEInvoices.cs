using System.Text;
using Backend.Bench.InvoiceCorpus;

namespace Backend.Tests.EInvoices;

/// <summary>Hostile and broken e-invoice files for the parsing fuzz: bare XML and Factur-X PDFs carrying them.</summary>
internal static class HostileEInvoices
{
    public const string CiiOpen = """<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">""";

    /// <summary>A marker only /etc/hostname-like files would contain; the XXE files point at a file holding it.</summary>
    public static readonly string Secret = "SECRET-" + Guid.NewGuid().ToString("N");

    public static string SecretFile { get; } = WriteSecret();

    public static byte[] Xxe() => Bytes($"""
        <?xml version="1.0"?>
        <!DOCTYPE rsm:CrossIndustryInvoice [<!ENTITY xxe SYSTEM "file://{SecretFile}">]>
        {CiiOpen}<rsm:ExchangedDocument><ram:ID>&xxe;</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>
        """);

    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }
        return Bytes($"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [{dtd}]>\n{CiiOpen}<rsm:ExchangedDocument><ram:ID>&lol9;</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>");
    }

    public static byte[] DeepNesting(int depth = 10_000) =>
        Bytes(CiiOpen + string.Concat(Enumerable.Repeat("<ram:X>", depth)) + string.Concat(Enumerable.Repeat("</ram:X>", depth)) + "</rsm:CrossIndustryInvoice>");

    /// <summary>A well-formed CII root followed by 50 MB of notes.</summary>
    public static byte[] Huge(int megabytes = 50)
    {
        var note = Encoding.UTF8.GetBytes("<ram:IncludedNote><ram:Content>" + new string('x', 1000) + "</ram:Content></ram:IncludedNote>");
        using var output = new MemoryStream();
        output.Write(Encoding.UTF8.GetBytes(CiiOpen + "<rsm:ExchangedDocument>"));
        while (output.Length < megabytes * 1024L * 1024)
        {
            output.Write(note);
        }
        output.Write(Encoding.UTF8.GetBytes("</rsm:ExchangedDocument></rsm:CrossIndustryInvoice>"));
        return output.ToArray();
    }

    /// <summary>The right local names in the wrong namespace (a CII 1.0 draft namespace).</summary>
    public static byte[] WrongNamespace(byte[] validCii) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(validCii).Replace("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:99"));

    /// <summary>The right root, its children in the wrong namespace: nothing may be read from them.</summary>
    public static byte[] WrongChildNamespace(byte[] validCii) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(validCii).Replace("ReusableAggregateBusinessInformationEntity:100", "ReusableAggregateBusinessInformationEntity:10"));

    /// <summary>A Factur-X whose page is the generated invoice and whose attachment is <paramref name="xml"/>, compressed.</summary>
    public static byte[] FacturXCarrying(byte[] xml)
    {
        var pdf = new PdfWriter();
        pdf.Text(56, 80, "Facture F-2026-0001", 14, bold: true);
        pdf.Text(56, 120, "Total TTC 1 200,00 €");
        pdf.AttachFacturX(xml);
        return pdf.ToBytes();
    }

    /// <summary>A Factur-X whose compressed attachment is cut in the middle (a download that stopped).</summary>
    public static byte[] FacturXTruncated(byte[] xml, double keep = 0.5)
    {
        var deflated = PdfWriter.Deflate(xml);
        var pdf = new PdfWriter();
        pdf.Text(56, 80, "Facture F-2026-0001", 14, bold: true);
        pdf.Text(56, 120, "Total TTC 1 200,00 €");
        pdf.AttachRaw("factur-x.xml", deflated[..(int)(deflated.Length * keep)], compressed: true, xml.Length);
        return pdf.ToBytes();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string WriteSecret()
    {
        var path = Path.Combine(Path.GetTempPath(), $"einvoice-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, Secret);
        return path;
    }
}
