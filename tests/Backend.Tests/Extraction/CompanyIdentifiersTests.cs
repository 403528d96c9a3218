using Backend.Core.Invoices.Extraction;

namespace Backend.Tests.Extraction;

public class CompanyIdentifiersTests
{
    [Theory]
    [InlineData("542051180", true)]
    [InlineData("732829320", true)]
    [InlineData("542051181", false)]
    [InlineData("54205118", false)]
    public void Checks_siren_by_luhn(string siren, bool valid) => Assert.Equal(valid, CompanyIdentifiers.IsValidSiren(siren));

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("44306184100047", true)]
    [InlineData("44306184100048", false)]
    [InlineData("35600000049837", true)]
    [InlineData("35600000049838", false)]
    public void Checks_siret_by_luhn_and_la_poste_rule(string siret, bool valid) => Assert.Equal(valid, CompanyIdentifiers.IsValidSiret(siret));

    [Theory]
    [InlineData("FR59542051180", true)]
    [InlineData("FR40303265045", true)]
    [InlineData("FR41303265045", false)]
    [InlineData("FR4030326504", false)]
    public void Checks_the_french_vat_key(string vat, bool valid) => Assert.Equal(valid, CompanyIdentifiers.IsValidFrenchVat(vat));
}
