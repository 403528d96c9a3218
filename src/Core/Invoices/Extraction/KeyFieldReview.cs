namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// The fields an accounting entry cannot be booked without — supplier, TTC, HT, TVA, invoice date — each with
/// its own threshold. An invoice is chained to the AI analysis only when every one of them is at or above its
/// threshold: a good overall score must not hide a doubtful supplier (a customer's contact read as the seller).
/// Thresholds were set on the development two-thirds of the real invoice set (bench/README.md).
/// </summary>
public static class KeyFieldReview
{
    public sealed record KeyField(string Name, string Label, double Threshold, Func<InvoiceFields, double?> Confidence);

    public static IReadOnlyList<KeyField> Fields { get; } =
    [
        new("supplierName", "fournisseur", 0.70, f => f.SupplierName?.Confidence),
        new("amountTTC", "montant TTC", 0.70, f => f.AmountTtc?.Confidence),
        new("amountHT", "montant HT", 0.70, f => f.AmountHt?.Confidence),
        new("amountTVA", "montant TVA", 0.70, f => f.AmountTva?.Confidence),
        new("invoiceDate", "date de facture", 0.70, f => f.InvoiceDate?.Confidence),
    ];

    /// <summary>The key fields missing or below their threshold, in a fixed order.</summary>
    public static IReadOnlyList<KeyField> Doubtful(InvoiceFields fields) =>
        Fields.Where(k => k.Confidence(fields) is not { } c || c < k.Threshold).ToList();
}
