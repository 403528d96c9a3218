using Backend.Core.Invoices.Extraction;

namespace Backend.Tests.Extraction;

public class DateParserTests
{
    [Theory]
    [InlineData("15/01/2024")]
    [InlineData("15.01.2024")]
    [InlineData("15-01-2024")]
    [InlineData("15/01/24")]
    [InlineData("2024-01-15")]
    [InlineData("15 janvier 2024")]
    [InlineData("15 JANVIER 2024")]
    [InlineData("15 janv. 2024")]
    [InlineData("January 15, 2024")]
    [InlineData("le 15 janvier 2024")]
    public void Reads_the_date_styles_of_french_invoices(string text)
    {
        Assert.Equal(new DateOnly(2024, 1, 15), DateParser.TryParse(text));
    }

    [Theory]
    [InlineData("1er mars 2024", 2024, 3, 1)]
    [InlineData("3 févr. 2024", 2024, 2, 3)]
    [InlineData("29 février 2024", 2024, 2, 29)]
    [InlineData("7 août 2023", 2023, 8, 7)]
    [InlineData("31 décembre 2025", 2025, 12, 31)]
    public void Reads_french_month_names(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateParser.TryParse(text));
    }

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("29 février 2023")]
    [InlineData("13/13/2024")]
    [InlineData("1 234,56")]
    public void Refuses_impossible_dates(string text)
    {
        Assert.Null(DateParser.TryParse(text));
    }
}
