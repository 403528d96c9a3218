using System.Globalization;
using System.Text.Json;
using Backend.Core.Security;

namespace Backend.Core.Invoices;

/// <summary>The seed's camelCase invoice shape: amounts as "1000.00", dates as "2024-01-15T00:00:00.000Z".</summary>
public static class InvoiceJson
{
    public static Dictionary<string, object?> Detail(InvoiceRow row, FieldCipher cipher, IReadOnlyList<AccountingEntryView> entries)
    {
        var json = Summary(row);
        string? ocrText = null;
        string? ocrTextError = null;
        if (row.OcrText is { } encrypted)
        {
            try
            {
                ocrText = cipher.Decrypt(encrypted, OcrAttempt.TextContext(row.Id));
            }
            catch (FieldDecryptionException e)
            {
                // The rest of the invoice stays usable; the operator learns which key is missing.
                ocrTextError = e.Message;
            }
        }
        json["ocrText"] = ocrText;
        if (ocrTextError is not null)
        {
            json["ocrTextError"] = ocrTextError;
        }
        json["supplierAddress"] = row.SupplierAddress;
        json["supplierSiren"] = row.SupplierSiren;
        json["supplierSiret"] = row.SupplierSiret;
        json["dueDate"] = Date(row.DueDate);
        json["amountHT"] = Money(row.AmountHt);
        json["amountTVA"] = Money(row.AmountTva);
        json["tvaRate"] = Money(row.TvaRate);
        json["isCreditNote"] = row.IsCreditNote;
        json["mediaType"] = row.MediaType;
        json["fileSize"] = row.FileSize;
        json["source"] = row.Source;
        json["ocrEngine"] = row.OcrEngine;
        json["lastRetryAt"] = Timestamp(row.LastRetryAt);
        json["validatedAt"] = Timestamp(row.ValidatedAt);
        json["fieldConfidences"] = JsonSerializer.Deserialize<Dictionary<string, double>>(row.FieldConfidences);
        json["accountingEntries"] = entries;
        json["documentType"] = row.DocumentType;
        json["paymentTerms"] = row.PaymentTerms;
        json["iban"] = row.Iban;
        json["einvoiceNotes"] = row.EinvoiceNotes;
        return json;
    }

    /// <summary>The stored VAT breakdown and lines (an e-invoice's, read exactly from its XML).</summary>
    public static void AddDetailLines(Dictionary<string, object?> json, InvoiceDetailLines lines)
    {
        json["vatBreakdown"] = lines.Vat.Select(v => new Dictionary<string, object?>
        {
            ["categoryCode"] = v.CategoryCode,
            ["rate"] = Money(v.Rate),
            ["baseAmount"] = Money(v.BaseAmount),
            ["taxAmount"] = Money(v.TaxAmount),
        }).ToList();
        json["lineItems"] = lines.Items.Select(i => new Dictionary<string, object?>
        {
            ["description"] = i.Description,
            ["quantity"] = i.Quantity?.ToString("0.####", CultureInfo.InvariantCulture),
            ["unitCode"] = i.UnitCode,
            ["unitPrice"] = i.UnitPrice?.ToString("0.00##", CultureInfo.InvariantCulture),
            ["netAmount"] = Money(i.NetAmount),
            ["vatRate"] = Money(i.VatRate),
            ["vatCategory"] = i.VatCategory,
        }).ToList();
    }

    public static Dictionary<string, object?> Summary(InvoiceRow row) => new()
    {
        ["id"] = row.Id,
        ["fileName"] = row.FileName,
        ["status"] = row.Status,
        ["uploadedAt"] = Timestamp(row.UploadedAt),
        ["processedAt"] = Timestamp(row.ProcessedAt),
        ["ocrConfidence"] = row.OcrConfidence is { } c ? (double)c : null,
        ["supplierName"] = row.SupplierName,
        ["supplierVAT"] = row.SupplierVat,
        ["invoiceNumber"] = row.InvoiceNumber,
        ["invoiceDate"] = Date(row.InvoiceDate),
        ["amountTTC"] = Money(row.AmountTtc),
        ["currency"] = row.Currency,
        ["retryCount"] = row.RetryCount,
        ["errorMessage"] = row.ErrorMessage,
    };

    public static string? Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z" : null;

    public static string? Timestamp(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
