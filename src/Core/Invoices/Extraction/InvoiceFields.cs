namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// The fields read from an invoice, each with its own confidence (0–1). Missing fields are null.
/// Amounts are in the invoice's currency; a credit note (avoir) has negative amounts.
/// </summary>
public sealed record InvoiceFields
{
    public Extracted<string>? SupplierName { get; init; }
    public Extracted<string>? SupplierVat { get; init; }
    public Extracted<string>? SupplierSiren { get; init; }
    public Extracted<string>? SupplierSiret { get; init; }
    public Extracted<string>? SupplierAddress { get; init; }
    public Extracted<string>? InvoiceNumber { get; init; }
    public Extracted<DateOnly>? InvoiceDate { get; init; }
    public Extracted<DateOnly>? DueDate { get; init; }
    public Extracted<decimal>? AmountHt { get; init; }
    public Extracted<decimal>? AmountTva { get; init; }
    public Extracted<decimal>? AmountTtc { get; init; }

    /// <summary>The VAT rate in percent (20, 10, 5.5, 2.1); null when several rates apply.</summary>
    public Extracted<decimal>? VatRate { get; init; }

    /// <summary>ISO 4217 code; EUR when the document names none.</summary>
    public Extracted<string>? Currency { get; init; }

    /// <summary>One line per VAT rate when the invoice shows a breakdown (several rates, or one rate stated explicitly).</summary>
    public IReadOnlyList<VatLine> VatBreakdown { get; init; } = [];

    public bool IsCreditNote { get; init; }

    /// <summary>Overall confidence of the extraction (0–1), compared with the 0.70 gate that chains AI analysis.</summary>
    public double Confidence { get; init; }
}

public sealed record Extracted<T>(T Value, double Confidence);

/// <param name="Rate">Percent, e.g. 20 or 5.5.</param>
public sealed record VatLine(decimal Rate, decimal BaseAmount, decimal TaxAmount);
