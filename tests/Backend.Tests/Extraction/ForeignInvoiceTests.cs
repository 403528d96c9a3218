using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;

namespace Backend.Tests.Extraction;

/// <summary>French SMEs buy from German, Belgian, Spanish, Italian, Dutch and English-speaking suppliers: their labels, numbers, dates and VAT numbers.</summary>
public class ForeignInvoiceTests
{
    [Theory]
    [InlineData("01.07.2025", 2025, 7, 1)]
    [InlineData("2025-07-01", 2025, 7, 1)]
    [InlineData("26.10.22", 2022, 10, 26)]
    [InlineData("1. März 2025", 2025, 3, 1)]
    [InlineData("15. Dezember 2024", 2024, 12, 15)]
    [InlineData("1 de julio de 2025", 2025, 7, 1)]
    [InlineData("3 luglio 2025", 2025, 7, 3)]
    [InlineData("12 settembre 2024", 2024, 9, 12)]
    [InlineData("5 maart 2025", 2025, 3, 5)]
    [InlineData("14 mei 2024", 2024, 5, 14)]
    [InlineData("July 1, 2025", 2025, 7, 1)]
    [InlineData("2 enero 2026", 2026, 1, 2)]
    public void Reads_foreign_date_styles_and_month_names(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateParser.TryParse(text));
    }

    [Theory]
    [InlineData("1.234,56 €", "1234.56")]
    [InlineData("€1,234.56", "1234.56")]
    [InlineData("CHF 1'234.56", "1234.56")]
    [InlineData("1 234,56 EUR", "1234.56")]
    public void Reads_foreign_number_formats(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AmountParser.TryParse(text));
    }

    [Theory]
    [InlineData("DE136695976", true)]
    [InlineData("DE136695977", false)]
    [InlineData("BE0428759497", true)]
    [InlineData("BE0428759498", false)]
    [InlineData("IT00743110157", true)]
    [InlineData("IT00743110158", false)]
    [InlineData("LU15027442", true)]
    [InlineData("NL004495445B01", true)]
    [InlineData("ATU13585627", true)]
    [InlineData("ATU13585628", false)]
    [InlineData("DK13585628", true)]
    [InlineData("FI20774740", true)]
    [InlineData("PL5260250274", true)]
    [InlineData("FR40303265045", true)]
    [InlineData("FR41303265045", false)]
    public void Checks_eu_vat_numbers_where_the_country_defines_check_digits(string vat, bool valid)
    {
        Assert.Equal(valid, CompanyIdentifiers.IsValidEuVat(vat));
    }

    [Fact]
    public void Spanish_vat_numbers_have_no_check_here_and_are_accepted_by_shape()
    {
        Assert.Null(CompanyIdentifiers.IsValidEuVat("ESB12345678"));
    }

    public static TheoryData<string, string[]> Invoices => new()
    {
        {
            "German", [
                "Musterbau GmbH | Hauptstraße 5 | 80331 München",
                "Dupont SARL",
                "12 rue des Lilas",
                "69003 Lyon",
                "",
                "Rechnung                         Rechnungsnummer: RE-2025-0815",
                "                                 Rechnungsdatum: 01.07.2025",
                "                                 Fällig am: 31.07.2025",
                "Pos.  Bezeichnung          Menge     Einzelpreis     Gesamt",
                "1     Schrauben M8          100            1,50     150,00",
                "                                  Nettobetrag          1.000,00 €",
                "                                  MwSt. 19 %             190,00 €",
                "                                  Gesamtbetrag         1.190,00 €",
                "Musterbau GmbH · Geschäftsführer: Max Muster · HRB 12345 · USt-IdNr. DE136695976",
            ]
        },
        {
            "English", [
                "Acme Widgets Ltd",
                "10 Downing Road, London SW1A 2AA",
                "VAT Reg No: GB 123 4567 89",
                "Bill to: Dupont SARL, 12 rue des Lilas, 69003 Lyon",
                "Invoice No: INV-2025-0815                  Invoice date: July 1, 2025",
                "Due date: July 31, 2025",
                "Description              Qty        Unit price        Amount",
                "Widgets                   10            100.00      1,000.00",
                "                                 Subtotal              1,000.00",
                "                                 VAT 20%                 200.00",
                "                                 Total due             1,200.00",
            ]
        },
        {
            "Spanish", [
                "Suministros Ibéricos S.L.",
                "Calle Mayor 12, 28013 Madrid",
                "CIF: ESB12345678",
                "Cliente: Dupont SARL, 69003 Lyon",
                "Factura nº: F-2025-0815                 Fecha de factura: 01/07/2025",
                "Vencimiento: 31/07/2025",
                "                                 Base imponible        1.000,00 €",
                "                                 IVA 21 %                210,00 €",
                "                                 Total factura         1.210,00 €",
            ]
        },
        {
            "Italian", [
                "Forniture Rossi S.r.l.",
                "Via Roma 1, 20121 Milano",
                "Partita IVA: IT00743110157",
                "Cliente: Dupont SARL, 69003 Lyon",
                "Fattura n. 2025/0815                    Data fattura: 01/07/2025",
                "Scadenza: 31/07/2025",
                "                                 Imponibile            1.000,00 €",
                "                                 IVA 22 %                220,00 €",
                "                                 Totale fattura        1.220,00 €",
            ]
        },
        {
            "Dutch", [
                "Van Dijk Leveringen B.V.",
                "Keizersgracht 1, 1015 CJ Amsterdam",
                "BTW-nummer: NL004495445B01",
                "Klant: Dupont SARL, 69003 Lyon",
                "Factuurnummer: 2025-0815                Factuurdatum: 01-07-2025",
                "Vervaldatum: 31-07-2025",
                "                                 Subtotaal             1.000,00 €",
                "                                 BTW 21 %                210,00 €",
                "                                 Totaal te betalen     1.210,00 €",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Invoices))]
    public void Reads_the_totals_date_and_number_of_foreign_invoices(string language, string[] lines)
    {
        var text = string.Join("\n", lines);
        var f = new InvoiceFieldExtractor().Extract(new OcrResult("pdftotext", text, 1, [new OcrPage(1, text, [])], [], "{}"));

        Assert.True(f.AmountHt?.Value == 1000m, $"{language}: HT {f.AmountHt?.Value}");
        Assert.NotNull(f.AmountTtc);
        Assert.Equal(f.AmountHt!.Value + f.AmountTva!.Value, f.AmountTtc!.Value);
        Assert.True(f.InvoiceDate?.Value == new DateOnly(2025, 7, 1), $"{language}: date {f.InvoiceDate?.Value}");
        Assert.True(f.DueDate?.Value == new DateOnly(2025, 7, 31), $"{language}: due {f.DueDate?.Value}");
        Assert.Contains("0815", f.InvoiceNumber?.Value ?? "");
        Assert.DoesNotContain("Dupont", f.SupplierName?.Value ?? "");
    }
}
