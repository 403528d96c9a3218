using System.Globalization;
using System.Text;

namespace Backend.Core.Accounting.Export;

/// <summary>
/// The Fichier des Écritures Comptables (article A47 A-1 du LPF, BOI-CF-IOR-60-40-20): a header line of the 18
/// column names, then one line per entry line; <c>|</c> or tab separated, dates <c>AAAAMMJJ</c>, amounts with
/// a comma and no thousands separator, ISO 8859-15, CRLF. Separators and line breaks inside text are replaced so
/// a label can never shift a column.
/// </summary>
public static class FecWriter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
        "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
    ];

    public const string PurchaseJournalName = "Journal des achats";

    public static ExportFile Write(IEnumerable<ExportInvoice> invoices, FecSeparator separator = FecSeparator.Pipe)
    {
        var transliterator = new Transliterator(LegacyEncodings.Latin9);
        var sep = separator == FecSeparator.Tab ? '\t' : '|';
        var warnings = new List<string>();
        var text = new StringBuilder();
        text.AppendJoin(sep, Header).Append("\r\n");
        var lines = 0;
        foreach (var invoice in invoices)
        {
            var unmappable = 0;
            string Text(string? value)
            {
                var clean = transliterator.Transliterate(value, out var missing).Replace(sep, '/').Trim();
                unmappable += missing;
                return clean;
            }

            // Amounts are booked as the invoice states them; a foreign-currency invoice also names its currency
            // (Idevise) and its signed amount (Montantdevise) so the accountant can convert it.
            var foreign = !string.Equals(invoice.Currency, "EUR", StringComparison.OrdinalIgnoreCase);
            foreach (var entry in invoice.Entries)
            {
                string[] fields =
                [
                    Text(entry.JournalCode),
                    PurchaseJournalName,
                    Text(invoice.EntryNumber),
                    Date(entry.EntryDate),
                    Text(entry.AccountNumber),
                    Text(ChartOfAccounts.NameOf(entry.AccountNumber)),
                    "",
                    "",
                    Text(invoice.PieceRef),
                    Date(invoice.PieceDate),
                    Text(entry.Label),
                    SageImportWriter.Amount(entry.Debit),
                    SageImportWriter.Amount(entry.Credit),
                    "",
                    "",
                    Date(invoice.ValidatedOn),
                    foreign ? SageImportWriter.Amount(entry.Debit - entry.Credit) : "",
                    foreign ? Text(invoice.Currency.ToUpperInvariant()) : "",
                ];
                text.AppendJoin(sep, fields).Append("\r\n");
                lines++;
            }
            if (unmappable > 0)
            {
                warnings.Add($"Pièce {invoice.PieceRef} : {unmappable} caractère(s) sans équivalent ISO 8859-15 remplacé(s) par « {Transliterator.Placeholder} » dans le FEC.");
            }
        }
        return new ExportFile(LegacyEncodings.Latin9.GetBytes(text.ToString()), lines, warnings);
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
