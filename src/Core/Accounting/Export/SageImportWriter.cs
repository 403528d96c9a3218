using System.Globalization;
using System.Text;

namespace Backend.Core.Accounting.Export;

/// <summary>
/// The Sage 100 Comptabilité import file: fixed-width text, CP1252, CRLF, one line per entry line, no header,
/// read by a "format paramétrable" with this layout (positions from 1):
/// <code>
/// pos len field
///   1   6 Code journal          left-aligned, space-padded
///   7   8 Date de pièce         JJMMAAAA
///  15   2 Type de pièce         FF facture fournisseur, AF avoir fournisseur
///  17  13 N° compte général     left-aligned
///  30  13 N° de pièce           the entry number of the export
///  43  17 Référence             the supplier's invoice number, cut to 17
///  60  35 Libellé écriture      cut to 35
///  95   1 Sens                  D débit, C crédit
///  96  14 Montant               right-aligned, comma decimals, 2 digits: "       1200,00"
/// 110   3 Devise                ISO 4217
/// </code>
/// Every line is 112 characters plus CRLF. Text fields are transliterated to CP1252 (see <see cref="Transliterator"/>).
/// </summary>
public static class SageImportWriter
{
    public const int LineLength = 112;

    private static readonly (int Width, string Name)[] Columns =
    [
        (6, "journal"), (8, "date"), (2, "type"), (13, "compte"), (13, "pièce"), (17, "référence"), (35, "libellé"),
        (1, "sens"), (14, "montant"), (3, "devise"),
    ];

    public static ExportFile Write(IEnumerable<ExportInvoice> invoices)
    {
        var transliterator = new Transliterator(LegacyEncodings.Windows1252);
        var warnings = new List<string>();
        var text = new StringBuilder();
        var lines = 0;
        foreach (var invoice in invoices)
        {
            var unmappable = 0;
            string Text(string? value, int width)
            {
                var clean = transliterator.Transliterate(value, out var missing).Trim();
                unmappable += missing;
                return Fit(clean, width);
            }

            foreach (var entry in invoice.Entries)
            {
                var debit = entry.Debit != 0;
                var fields = new[]
                {
                    Text(entry.JournalCode, 6),
                    entry.EntryDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture),
                    invoice.IsCreditNote ? "AF" : "FF",
                    Text(entry.AccountNumber, 13),
                    Text(invoice.EntryNumber, 13),
                    Text(invoice.PieceRef, 17),
                    Text(entry.Label, 35),
                    debit ? "D" : "C",
                    Amount(debit ? entry.Debit : entry.Credit).PadLeft(14),
                    Text(invoice.Currency, 3),
                };
                for (var i = 0; i < fields.Length; i++)
                {
                    if (fields[i].Length > Columns[i].Width)
                    {
                        throw new InvalidOperationException($"Sage column {Columns[i].Name} overflows its width.");
                    }
                    text.Append(fields[i].PadRight(Columns[i].Width));
                }
                text.Append("\r\n");
                lines++;
            }
            if (unmappable > 0)
            {
                warnings.Add($"Pièce {invoice.PieceRef} : {unmappable} caractère(s) sans équivalent CP1252 remplacé(s) par « {Transliterator.Placeholder} » dans le fichier Sage.");
            }
        }
        return new ExportFile(LegacyEncodings.Windows1252.GetBytes(text.ToString()), lines, warnings);
    }

    internal static string Amount(decimal value) => Money.Round(value).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Fit(string value, int width) => value.Length <= width ? value : value[..width].TrimEnd();
}
