using System.Globalization;
using Backend.Core.Invoices.Extraction;
using FsCheck;
using FsCheck.Fluent;

namespace Backend.Tests.Extraction;

public class AmountParserTests
{
    [Theory]
    [InlineData("1 234,56 €", "1234.56")]
    [InlineData("1\u00A0234,56\u00A0€", "1234.56")]
    [InlineData("1\u202F234,56 €", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1234,5 EUR", "1234.5")]
    [InlineData("$1,234.56", "1234.56")]
    [InlineData("CHF 12'345.60", "12345.60")]
    [InlineData("£ 99.99", "99.99")]
    [InlineData("-120,00 €", "-120.00")]
    [InlineData("(45,10)", "-45.10")]
    [InlineData("1 000 €", "1000")]
    [InlineData("12 345 678,90", "12345678.90")]
    [InlineData("0,99", "0.99")]
    public void Reads_french_and_foreign_amount_formats(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), AmountParser.TryParse(text));
    }

    [Theory]
    [InlineData("15/01/2024")]
    [InlineData("20 %")]
    [InlineData("5,5 %")]
    [InlineData("SIRET 732 829 320 00074")]
    [InlineData("Tél. 01 23 45 67 89")]
    public void Does_not_read_dates_rates_or_identifiers_as_money(string text)
    {
        Assert.Null(AmountParser.TryParse(text));
    }

    [Fact]
    public void Any_amount_written_the_french_way_reads_back()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<byte>(), (whole, cents) =>
        {
            var value = Math.Abs((decimal)whole) + cents % 100 / 100m;
            var french = value.ToString("#,0.00", CultureInfo.GetCultureInfo("fr-FR"));
            var dotted = value.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(",", "_").Replace(".", ",").Replace("_", ".");
            return AmountParser.TryParse(french + " €") == value && AmountParser.TryParse(dotted) == value;
        });
        Check.One(Config.QuickThrowOnFailure, property);
    }
}
