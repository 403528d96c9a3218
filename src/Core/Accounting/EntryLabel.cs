using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Accounting;

/// <summary>The label every line of an invoice's entry carries: supplier and invoice number, as accountants search them.</summary>
public static class EntryLabel
{
    public static string For(InvoiceFields fields)
    {
        var parts = new[] { fields.SupplierName?.Value, fields.InvoiceNumber?.Value }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => string.Join(' ', p!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        if (parts.Count > 0)
        {
            return string.Join(' ', parts);
        }
        return fields.InvoiceDate is { } date ? $"Facture du {date.Value:dd/MM/yyyy}" : "Facture";
    }
}
