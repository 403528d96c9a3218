namespace Backend.Core.Invoices.Structured;

/// <summary>The <c>ocr_engine</c> of an invoice read from its XML: the field the UI and the accuracy report group by.</summary>
public static class EInvoiceEngines
{
    /// <summary>A Factur-X / ZUGFeRD PDF: CII XML attached to a PDF/A-3.</summary>
    public const string FacturX = "facturx";

    /// <summary>A bare UBL 2.1 Invoice or CreditNote file.</summary>
    public const string Ubl = "ubl";

    /// <summary>A bare CII CrossIndustryInvoice (or ZUGFeRD 1.0 CrossIndustryDocument) file.</summary>
    public const string Cii = "cii";

    public static bool IsStructured(string? engine) => engine is FacturX or Ubl or Cii;
}
