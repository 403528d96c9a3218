using Backend.Core.Invoices.Structured;

namespace Backend.Core.Ocr;

/// <summary>The file types the pipeline reads, recognised by their magic bytes (never by file name).</summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Tiff = "image/tiff";

    /// <summary>A structured e-invoice file: UBL Invoice/CreditNote, CII CrossIndustryInvoice or ZUGFeRD 1.0 CrossIndustryDocument.</summary>
    public const string Xml = "application/xml";

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <returns>The media type, or null when the content is none of PDF, PNG, JPEG, TIFF or an e-invoice XML.</returns>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        // XML is told by its root element, not by "<?xml": an XML that is not an invoice is refused like any other file.
        if (SafeXml.LooksLikeXml(content))
        {
            return SafeXml.RootName(content) is { } root && (CiiInvoiceReader.IsCii(root) || UblInvoiceReader.IsUbl(root)) ? Xml : null;
        }
        if (content.StartsWith(PngMagic))
        {
            return Png;
        }
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg;
        }
        if (content.Length >= 4 && ((content[0] == 'I' && content[1] == 'I' && content[2] == 42 && content[3] == 0)
                                    || (content[0] == 'M' && content[1] == 'M' && content[2] == 0 && content[3] == 42)))
        {
            return Tiff;
        }
        // Readers accept a PDF header anywhere in the first 1024 bytes, and some generators emit junk before it.
        if (content[..Math.Min(content.Length, 1024)].IndexOf(PdfMagic) >= 0)
        {
            return Pdf;
        }
        return null;
    }

    public static string ExtensionOf(string mediaType) => mediaType switch
    {
        Pdf => ".pdf",
        Png => ".png",
        Jpeg => ".jpg",
        Tiff => ".tif",
        Xml => ".xml",
        _ => ".bin",
    };
}
