using System.Globalization;
using System.Text;
using System.Text.Json;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;
using UglyToad.PdfPig;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// The structured path, tried before any OCR: a bare UBL / CII file, or a PDF carrying one (Factur-X, ZUGFeRD, XRechnung),
/// is read exactly from its XML, in-process, without any external tool. A PDF without an invoice attachment is not
/// structured (OCR reads it); one whose attachment is corrupt falls back to OCR with the reason kept.
/// </summary>
public sealed class StructuredInvoiceReader(IInvoiceFieldExtractor extractor)
{
    public StructuredRead Read(ReadOnlyMemory<byte> content, string mediaType) => mediaType switch
    {
        MediaTypes.Xml => ReadXml(content.Span),
        MediaTypes.Pdf => ReadPdf(content),
        _ => StructuredRead.NotStructured,
    };

    private StructuredRead ReadXml(ReadOnlySpan<byte> content)
    {
        try
        {
            var invoice = Parse(content);
            var engine = invoice.Syntax == "ubl" ? EInvoiceEngines.Ubl : EInvoiceEngines.Cii;
            return new StructuredRead(invoice, engine, PlainText(invoice), Raw(engine, null, content), En16931Arithmetic.Check(invoice.Totals), null);
        }
        catch (StructuredInvoiceException e)
        {
            return StructuredRead.Fallback(e.Message);
        }
    }

    private StructuredRead ReadPdf(ReadOnlyMemory<byte> content)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not PdfPig's to judge: the OCR path reports an unreadable PDF in its own words.
            return StructuredRead.NotStructured;
        }
        using (document)
        {
            FacturXAttachment.Found? found;
            StructuredInvoice invoice;
            try
            {
                found = FacturXAttachment.Find(document);
                if (found is null)
                {
                    return StructuredRead.NotStructured;
                }
            }
            catch (StructuredInvoiceException e)
            {
                return StructuredRead.Fallback(e.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // PdfPig meeting a broken object while resolving the attachment.
                return StructuredRead.Fallback($"Factur-X illisible (pièce jointe inaccessible : {e.GetType().Name}).");
            }
            try
            {
                invoice = Parse(found.Xml);
            }
            catch (StructuredInvoiceException e)
            {
                return StructuredRead.Fallback($"Factur-X illisible (pièce jointe {found.FileName} : {e.Message})");
            }

            var issues = En16931Arithmetic.Check(invoice.Totals).ToList();
            if (invoice.Totals.GrandTotal is { } total && PrintedTotalCheck.Compare(document, total, extractor) is { } disagreement)
            {
                issues.Add(disagreement);
            }
            return new StructuredRead(invoice, EInvoiceEngines.FacturX, PlainText(invoice), Raw(EInvoiceEngines.FacturX, found.FileName, found.Xml), issues, null);
        }
    }

    private static StructuredInvoice Parse(ReadOnlySpan<byte> xml)
    {
        var document = SafeXml.Load(xml);
        var root = document.Root!.Name;
        if (CiiInvoiceReader.IsCii(root))
        {
            return CiiInvoiceReader.Read(document);
        }
        if (UblInvoiceReader.IsUbl(root))
        {
            return UblInvoiceReader.Read(document);
        }
        throw new StructuredInvoiceException($"Racine XML {{{Clip(root.NamespaceName)}}}{Clip(root.LocalName)} : ni UBL Invoice/CreditNote, ni CII CrossIndustryInvoice.");
    }

    /// <summary>The XML's content as a reader would list it, for display and the accounting keywords.</summary>
    private static string PlainText(StructuredInvoice invoice)
    {
        var f = invoice.Fields;
        var text = new StringBuilder();
        void Line(string label, object? value)
        {
            if (value is not null)
            {
                text.Append(label).Append(" : ").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        Line("Fournisseur", f.SupplierName?.Value);
        Line("TVA intracommunautaire", f.SupplierVat?.Value);
        Line("SIRET", f.SupplierSiret?.Value);
        Line("Adresse", f.SupplierAddress?.Value);
        Line("Document", invoice.DocumentType);
        Line("Numéro", f.InvoiceNumber?.Value);
        Line("Date", f.InvoiceDate?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line("Échéance", f.DueDate?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var l in invoice.Lines)
        {
            text.Append("- ").Append(l.Description).Append(" : ").Append(l.NetAmount.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
        }
        Line("Total HT", f.AmountHt?.Value.ToString("0.00", CultureInfo.InvariantCulture));
        Line("Total TVA", f.AmountTva?.Value.ToString("0.00", CultureInfo.InvariantCulture));
        Line("Total TTC", f.AmountTtc?.Value.ToString("0.00", CultureInfo.InvariantCulture));
        Line("Devise", f.Currency?.Value);
        Line("Conditions de paiement", invoice.PaymentTerms);
        Line("IBAN", invoice.Iban);
        return text.ToString();
    }

    private static string Raw(string engine, string? attachment, ReadOnlySpan<byte> xml) =>
        JsonSerializer.Serialize(new { engine, attachment, xml = Encoding.UTF8.GetString(xml) });

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
