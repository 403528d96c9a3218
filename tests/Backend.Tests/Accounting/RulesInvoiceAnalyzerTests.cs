using Backend.Core.Accounting;
using Backend.Core.Invoices.Extraction;

namespace Backend.Tests.Accounting;

public sealed class RulesInvoiceAnalyzerTests
{
    private static readonly DateOnly SeedDate = new(2024, 1, 15);

    [Fact]
    public void The_seed_example_books_601_44566_401_balanced()
    {
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields()));

        Assert.Equal(AnalyzerNames.Rules, proposal.Analyzer);
        Assert.Equal(
            [
                new AccountingEntry("ACH", SeedDate, "60100000", "ACME Corp FAC-2024-001", 1000.00m, 0m),
                new AccountingEntry("ACH", SeedDate, "44566000", "ACME Corp FAC-2024-001", 200.00m, 0m),
                new AccountingEntry("ACH", SeedDate, "40100000", "ACME Corp FAC-2024-001", 0m, 1200.00m),
            ],
            proposal.Entries);
    }

    [Theory]
    [InlineData("Orange Business Services", "62600000")]
    [InlineData("SFR", "62600000")]
    [InlineData("EDF Entreprises", "60610000")]
    [InlineData("ENGIE", "60610000")]
    [InlineData("Lyreco France", "60640000")]
    [InlineData("Cabinet Martin Expert-Comptable", "62260000")]
    [InlineData("Foncia Gestion", "61320000")]
    [InlineData("SNCF Voyageurs", "62510000")]
    [InlineData("Chronopost", "62410000")]
    [InlineData("OVH SAS", "61560000")]
    [InlineData("Grossiste Alimentaire du Sud", "60700000")]
    [InlineData("Boulangerie Dupont", "60100000")]
    public void The_supplier_name_picks_the_expense_account(string supplier, string expected)
    {
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: supplier)));

        Assert.Equal(expected, proposal.Entries[0].AccountNumber);
    }

    [Theory]
    [InlineData("Loyer du local commercial - janvier 2024\nCharges locatives", "61320000")]
    [InlineData("Honoraires pour mission de conseil juridique", "62260000")]
    [InlineData("Abonnement logiciel de paie, maintenance annuelle", "61560000")]
    [InlineData("Licence perpétuelle, redevance annuelle", "65100000")]
    [InlineData("Frais de port et livraison express", "62410000")]
    [InlineData("Ramettes de papier A4, cartouches de toner, stylos", "60640000")]
    [InlineData("Nuitée hôtel Lyon, déplacement client", "62510000")]
    [InlineData("Consommation électricité 1 234 kWh", "60610000")]
    public void Without_a_known_supplier_the_invoice_wording_picks_the_account(string text, string expected)
    {
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "SARL Dubois"), text));

        Assert.Equal(expected, proposal.Entries[0].AccountNumber);
    }

    [Fact]
    public void Keywords_match_whole_words_only()
    {
        // "bureau" contains "eau", "transportable" contains "transport": neither is a keyword match.
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(
            SampleInvoices.Fields(supplier: "Mobilier Bureau Pro"), "Caisson transportable pour bureau"));

        Assert.Equal("60100000", proposal.Entries[0].AccountNumber);
        Assert.Contains("par défaut", proposal.Notes);
    }

    [Fact]
    public void A_tenant_override_replaces_the_expense_and_supplier_accounts()
    {
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(
            SampleInvoices.Fields(supplier: "Orange"), null, new SupplierAccountOverride("6068", "4010042")));

        Assert.Equal(["60680000", "44566000", "40100420"], proposal.Entries.Select(e => e.AccountNumber));
        Assert.Null(proposal.Notes);
    }

    [Fact]
    public void An_invalid_override_is_ignored_and_noted()
    {
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(
            SampleInvoices.Fields(supplier: "Orange"), null, new SupplierAccountOverride("512", "ABC")));

        Assert.Equal(["62600000", "44566000", "40100000"], proposal.Entries.Select(e => e.AccountNumber));
        Assert.Contains("512", proposal.Notes);
        Assert.Contains("ABC", proposal.Notes);
    }

    [Fact]
    public void Several_vat_rates_book_one_vat_line_per_rate()
    {
        var fields = SampleInvoices.Fields(supplier: "Metro Cash", ht: 300m, tva: 31m, ttc: 331m, rate: null,
            breakdown: [new VatLine(5.5m, 200m, 11m), new VatLine(20m, 100m, 20m)]);

        var entries = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(fields)).Entries;

        Assert.Equal(4, entries.Count);
        Assert.Equal(("60700000", 300m, 0m), (entries[0].AccountNumber, entries[0].Debit, entries[0].Credit));
        Assert.Equal(("44566000", 20m), (entries[1].AccountNumber, entries[1].Debit));
        Assert.Equal(("44566000", 11m), (entries[2].AccountNumber, entries[2].Debit));
        Assert.Equal(("40100000", 0m, 331m), (entries[3].AccountNumber, entries[3].Debit, entries[3].Credit));
    }

    [Fact]
    public void A_breakdown_that_does_not_add_up_yields_to_the_vat_total()
    {
        var fields = SampleInvoices.Fields(ht: 300m, tva: 31m, ttc: 331m, rate: null,
            breakdown: [new VatLine(5.5m, 200m, 11m), new VatLine(20m, 100m, 21m)]);

        var entries = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(fields)).Entries;

        Assert.Equal([300m, 31m, 0m], entries.Select(e => e.Debit));
    }

    [Fact]
    public void A_credit_note_books_the_mirror_entry()
    {
        var fields = SampleInvoices.Fields(supplier: "EDF", number: "AV-77", ht: -150m, tva: -30m, ttc: -180m);

        var entries = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(fields)).Entries;

        Assert.Equal(
            [("60610000", 0m, 150m), ("44566000", 0m, 30m), ("40100000", 180m, 0m)],
            entries.Select(e => (e.AccountNumber, e.Debit, e.Credit)));
    }

    [Fact]
    public void A_credit_note_flag_with_positive_amounts_is_mirrored_too()
    {
        var entries = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(creditNote: true))).Entries;

        Assert.Equal([0m, 0m, 1200m], entries.Select(e => e.Debit));
    }

    [Fact]
    public void A_missing_total_is_completed_from_the_other_two()
    {
        var fromHtAndTtc = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(tva: null))).Entries;
        var fromTtcAndRate = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(ht: null, tva: null, ttc: 105.50m, rate: 5.5m))).Entries;

        Assert.Equal(200m, fromHtAndTtc[1].Debit);
        Assert.Equal([100m, 5.50m, 0m], fromTtcAndRate.Select(e => e.Debit));
    }

    [Fact]
    public void A_vat_free_invoice_has_no_vat_line()
    {
        var entries = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(ht: 80m, tva: 0m, ttc: 80m, rate: 0m))).Entries;

        Assert.Equal(["60100000", "40100000"], entries.Select(e => e.AccountNumber));
    }

    [Fact]
    public void Account_numbers_follow_the_configured_length()
    {
        var rules = SampleInvoices.Rules(new AccountingSettings { AccountNumberLength = 10 });

        var entries = rules.Analyze(new InvoiceToAnalyze(SampleInvoices.Fields())).Entries;

        Assert.Equal(["6010000000", "4456600000", "4010000000"], entries.Select(e => e.AccountNumber));
    }

    [Theory]
    [InlineData(1000, 200, 1300, "HT + TVA")]
    [InlineData(null, null, null, "insuffisants")]
    public void Contradictory_or_missing_amounts_are_refused_with_a_readable_message(int? ht, int? tva, int? ttc, string expected)
    {
        var fields = SampleInvoices.Fields(ht: ht, tva: tva, ttc: ttc, rate: null);

        var error = Assert.Throws<InvoiceNotAnalyzableException>(() => SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(fields)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_invoice_without_a_date_is_refused()
    {
        var fields = SampleInvoices.Fields() with { InvoiceDate = null };

        var error = Assert.Throws<InvoiceNotAnalyzableException>(() => SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(fields)));

        Assert.Contains("Date", error.Message);
    }
}
