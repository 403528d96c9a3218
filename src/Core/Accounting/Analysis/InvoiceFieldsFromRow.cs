using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;

namespace Backend.Core.Accounting.Analysis;

/// <summary>
/// The fields to book, as stored (and possibly corrected by the user) in <c>invoices</c>, with the per-rate VAT
/// breakdown stored beside them (<c>invoice_vat_lines</c>); only rows stored before the breakdown was kept read it again
/// from the OCR text. <see cref="InvoiceAmounts"/> ignores a breakdown unless it adds up to the stored VAT total.
/// </summary>
public static class InvoiceFieldsFromRow
{
    public static InvoiceFields Build(InvoiceRow row, string? ocrText, IInvoiceFieldExtractor extractor, InvoiceDetailLines? detail = null)
    {
        IReadOnlyList<VatLine> breakdown = [];
        if (detail is { Vat.Count: > 0 })
        {
            breakdown = detail.Vat.Select(v => new VatLine(v.Rate ?? 0m, v.BaseAmount, v.TaxAmount)).ToList();
        }
        else if (!EInvoiceEngines.IsStructured(row.OcrEngine) && !string.IsNullOrWhiteSpace(ocrText))
        {
            var pages = ocrText.Split('\f').Select((text, i) => new OcrPage(i + 1, text, [])).ToList();
            breakdown = extractor.Extract(new OcrResult("stored", ocrText, 1, pages, [], "{}")).VatBreakdown;
        }
        return new InvoiceFields
        {
            SupplierName = Field(row.SupplierName),
            SupplierVat = Field(row.SupplierVat),
            SupplierSiren = Field(row.SupplierSiren),
            SupplierSiret = Field(row.SupplierSiret),
            SupplierAddress = Field(row.SupplierAddress),
            InvoiceNumber = Field(row.InvoiceNumber),
            InvoiceDate = row.InvoiceDate is { } date ? new Extracted<DateOnly>(date, 1) : null,
            DueDate = row.DueDate is { } due ? new Extracted<DateOnly>(due, 1) : null,
            AmountHt = Amount(row.AmountHt),
            AmountTva = Amount(row.AmountTva),
            AmountTtc = Amount(row.AmountTtc),
            VatRate = Amount(row.TvaRate),
            Currency = Field(row.Currency?.Trim()),
            VatBreakdown = breakdown,
            IsCreditNote = row.IsCreditNote,
            Confidence = row.OcrConfidence is { } c ? (double)c : 0,
        };
    }

    private static Extracted<string>? Field(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Extracted<string>(value, 1);

    private static Extracted<decimal>? Amount(decimal? value) => value is { } v ? new Extracted<decimal>(v, 1) : null;
}
