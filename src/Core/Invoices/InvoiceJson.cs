using System.Globalization;
using System.Text.Json;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Ocr;
using Backend.Core.Security;

namespace Backend.Core.Invoices;

/// <summary>The seed's camelCase invoice shape: amounts as "1000.00", dates as "2024-01-15T00:00:00.000Z".</summary>
public static class InvoiceJson
{
    /// <summary>How <c>field_positions</c> is stored: the API's own camelCase shape of <see cref="PageBox"/>.</summary>
    public static readonly JsonSerializerOptions PositionsJson = new(JsonSerializerDefaults.Web);

    /// <summary>The full invoice; <paramref name="fileLink"/> is the signed link of the original and its expiry.</summary>
    public static InvoiceDetail Detail(InvoiceRow row, FieldCipher cipher, IReadOnlyList<AccountingEntryView> entries, InvoiceDetailLines lines,
        InvoiceAnalysisView? analysis, (string Url, DateTimeOffset ExpiresAt) fileLink)
    {
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
        return new InvoiceDetail
        {
            Id = row.Id,
            FileName = row.FileName,
            Status = row.Status,
            UploadedAt = Timestamp(row.UploadedAt)!,
            ProcessedAt = Timestamp(row.ProcessedAt),
            OcrConfidence = row.OcrConfidence is { } c ? (double)c : null,
            SupplierName = row.SupplierName,
            SupplierVat = row.SupplierVat,
            InvoiceNumber = row.InvoiceNumber,
            InvoiceDate = Date(row.InvoiceDate),
            AmountTtc = Money(row.AmountTtc),
            Currency = row.Currency,
            RetryCount = row.RetryCount,
            ErrorMessage = row.ErrorMessage,
            OcrText = ocrText,
            OcrTextError = ocrTextError,
            SupplierAddress = row.SupplierAddress,
            SupplierSiren = row.SupplierSiren,
            SupplierSiret = row.SupplierSiret,
            DueDate = Date(row.DueDate),
            AmountHt = Money(row.AmountHt),
            AmountTva = Money(row.AmountTva),
            TvaRate = Money(row.TvaRate),
            IsCreditNote = row.IsCreditNote,
            MediaType = row.MediaType,
            FileSize = row.FileSize,
            Source = row.Source,
            OcrEngine = row.OcrEngine,
            LastRetryAt = Timestamp(row.LastRetryAt),
            ValidatedAt = Timestamp(row.ValidatedAt),
            FieldConfidences = JsonSerializer.Deserialize<Dictionary<string, double>>(row.FieldConfidences) ?? [],
            FieldPositions = JsonSerializer.Deserialize<Dictionary<string, PageBox>>(row.FieldPositions, PositionsJson) ?? [],
            AccountingEntries = entries,
            DocumentType = row.DocumentType,
            PaymentTerms = row.PaymentTerms,
            Iban = row.Iban,
            EinvoiceNotes = row.EinvoiceNotes,
            FileUrl = fileLink.Url,
            FileUrlExpiresAt = Timestamp(fileLink.ExpiresAt),
            Analysis = analysis,
            VatBreakdown = lines.Vat.Select(v => new VatLineView(v.CategoryCode, Money(v.Rate), Money(v.BaseAmount), Money(v.TaxAmount))).ToList(),
            LineItems = lines.Items.Select(i => new LineItemView(
                i.Description,
                i.Quantity?.ToString("0.####", CultureInfo.InvariantCulture),
                i.UnitCode,
                i.UnitPrice?.ToString("0.00##", CultureInfo.InvariantCulture),
                Money(i.NetAmount),
                Money(i.VatRate),
                i.VatCategory)).ToList(),
        };
    }

    public static InvoiceSummary Summary(InvoiceRow row) => new()
    {
        Id = row.Id,
        FileName = row.FileName,
        Status = row.Status,
        UploadedAt = Timestamp(row.UploadedAt)!,
        ProcessedAt = Timestamp(row.ProcessedAt),
        OcrConfidence = row.OcrConfidence is { } c ? (double)c : null,
        SupplierName = row.SupplierName,
        SupplierVat = row.SupplierVat,
        InvoiceNumber = row.InvoiceNumber,
        InvoiceDate = Date(row.InvoiceDate),
        AmountTtc = Money(row.AmountTtc),
        Currency = row.Currency,
        RetryCount = row.RetryCount,
        ErrorMessage = row.ErrorMessage,
    };

    public static string? Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z" : null;

    public static string? Timestamp(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
