using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Extraction;

/// <summary>Turns what an OCR engine read into invoice fields. Pure: no I/O, deterministic.</summary>
public interface IInvoiceFieldExtractor
{
    InvoiceFields Extract(OcrResult ocr);
}
