using System.Text;
using Backend.Core.Accounting;
using Backend.Core.Accounting.Export;

namespace Backend.Tests.Accounting;

public sealed class ExportWriterTests
{
    private const string Label2 = "Łódź Café – Société Générale d’Équipements 😀 AV-7";

    private static readonly ExportInvoice[] Invoices =
    [
        Invoice("ACH000001", "FAC-2024-001", new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 20), false, "ACME Corp FAC-2024-001",
            ("60100000", 1000m, 0m), ("44566000", 200m, 0m), ("40100000", 0m, 1200m)),
        Invoice("ACH000002", "AV|2024-7 Fournitures", new DateOnly(2024, 2, 3), new DateOnly(2024, 2, 5), true, Label2,
            ("60640000", 0m, 300m), ("44566000", 0m, 20m), ("44566000", 0m, 11m), ("40100000", 331m, 0m)),
    ];

    private static ExportInvoice Invoice(
        string number, string reference, DateOnly date, DateOnly validated, bool creditNote, string label,
        params (string Account, decimal Debit, decimal Credit)[] lines) =>
        new(number, reference, date, validated, "EUR", creditNote,
            lines.Select(l => new AccountingEntry("ACH", date, l.Account, label, l.Debit, l.Credit)).ToList());

    private static byte[] Expected(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Accounting", "Expected", name));

    [Fact]
    public void The_sage_file_matches_the_documented_layout_byte_for_byte()
    {
        var file = SageImportWriter.Write(Invoices);

        Assert.Equal(Expected("sage_export.txt"), file.Content);
        Assert.Equal(7, file.Lines);
    }

    [Fact]
    public void The_sage_file_is_cp1252_with_crlf_and_fixed_width_lines()
    {
        var bytes = SageImportWriter.Write(Invoices).Content;

        Assert.Contains((byte)0x96, bytes); // en dash, which CP1252 has
        Assert.Contains((byte)0xE9, bytes); // é
        Assert.DoesNotContain((byte)'?', bytes);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.All(text.Split("\r\n")[..^1], line => Assert.Equal(SageImportWriter.LineLength, line.Length));
    }

    [Fact]
    public void The_fec_file_matches_article_a47_a1_byte_for_byte()
    {
        var file = FecWriter.Write(Invoices);

        Assert.Equal(Expected("fec_export.txt"), file.Content);
        Assert.Equal(7, file.Lines);
    }

    [Fact]
    public void The_fec_header_names_the_18_columns_and_every_line_has_18_fields()
    {
        var text = Encoding.Latin1.GetString(FecWriter.Write(Invoices, FecSeparator.Tab).Content);
        var lines = text.Split("\r\n")[..^1];

        Assert.Equal(
            "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t" +
            "EcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise",
            lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.All(lines, line => Assert.Equal(18, line.Split('\t').Length));
        Assert.Contains("AV|2024-7 Fournitures", lines[4]); // '|' is only replaced when it is the separator
    }

    [Fact]
    public void Characters_without_equivalent_are_reported_not_silently_dropped()
    {
        var sage = SageImportWriter.Write(Invoices);
        var fec = FecWriter.Write(Invoices);

        Assert.Contains(sage.Warnings, w => w.Contains("AV|2024-7 Fournitures") && w.Contains("4 caractère(s)"));
        Assert.Contains(fec.Warnings, w => w.Contains("AV|2024-7 Fournitures") && w.Contains("4 caractère(s)"));
        Assert.Single(sage.Warnings);
    }

    [Fact]
    public void An_empty_export_is_a_header_only_fec_and_an_empty_sage_file()
    {
        Assert.Empty(SageImportWriter.Write([]).Content);
        Assert.Equal(string.Join('|', FecWriter.Header) + "\r\n", Encoding.ASCII.GetString(FecWriter.Write([]).Content));
    }

    [Fact]
    public void A_foreign_currency_invoice_names_its_currency_in_the_fec()
    {
        var usd = Invoices[0] with { Currency = "usd" };

        var line = Encoding.Latin1.GetString(FecWriter.Write([usd]).Content).Split("\r\n")[3];

        Assert.EndsWith("|-1200,00|USD", line);
    }
}
