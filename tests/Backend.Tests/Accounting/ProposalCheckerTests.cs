using Backend.Core.Accounting;
using Backend.Core.Invoices.Extraction;
using FsCheck;
using FsCheck.Fluent;

namespace Backend.Tests.Accounting;

public sealed class ProposalCheckerTests
{
    private static readonly AccountingSettings Settings = new();
    private static readonly DateOnly Date = new(2024, 1, 15);

    private static IReadOnlyList<string> Problems(IReadOnlyList<AccountingEntry> entries, InvoiceFields? fields = null)
    {
        fields ??= SampleInvoices.Fields();
        return ProposalChecker.Check(entries, InvoiceAmounts.From(fields), Date, Settings);
    }

    private static AccountingEntry Line(string account, decimal debit, decimal credit) =>
        new("ACH", Date, account, "ACME Corp FAC-2024-001", debit, credit);

    [Fact]
    public void The_seed_entry_passes()
    {
        Assert.Empty(Problems([Line("60100000", 1000, 0), Line("44566000", 200, 0), Line("40100000", 0, 1200)]));
    }

    [Fact]
    public void An_unbalanced_entry_is_refused()
    {
        var problems = Problems([Line("60100000", 1000, 0), Line("44566000", 200, 0), Line("40100000", 0, 1199.99m)]);

        Assert.Contains(problems, p => p.Contains("déséquilibrée"));
    }

    [Fact]
    public void A_balanced_entry_with_the_wrong_totals_is_refused()
    {
        var problems = Problems([Line("60100000", 1100, 0), Line("44566000", 100, 0), Line("40100000", 0, 1200)]);

        Assert.Contains(problems, p => p.Contains("TVA"));
        Assert.Contains(problems, p => p.Contains("charges"));
        Assert.DoesNotContain(problems, p => p.Contains("déséquilibrée"));
    }

    [Theory]
    [InlineData("601", "compte PCG de 8 chiffres")]
    [InlineData("6010000A", "compte PCG de 8 chiffres")]
    [InlineData("90100000", "compte PCG de 8 chiffres")]
    [InlineData("51200000", "inattendu")]
    public void Invalid_or_foreign_accounts_are_refused(string account, string expected)
    {
        var problems = Problems([Line(account, 1000, 0), Line("44566000", 200, 0), Line("40100000", 0, 1200)]);

        Assert.Contains(problems, p => p.Contains(expected));
    }

    [Fact]
    public void A_credit_note_must_be_the_mirror()
    {
        var creditNote = SampleInvoices.Fields(ht: -1000, tva: -200, ttc: -1200);

        Assert.Empty(Problems([Line("60100000", 0, 1000), Line("44566000", 0, 200), Line("40100000", 1200, 0)], creditNote));
        Assert.Contains(Problems([Line("60100000", 1000, 0), Line("44566000", 200, 0), Line("40100000", 0, 1200)], creditNote),
            p => p.Contains("mauvais côté"));
    }

    [Fact]
    public void Lines_with_both_or_neither_side_negative_amounts_or_fractions_of_cents_are_refused()
    {
        var problems = Problems(
        [
            Line("60100000", 1000, 0), Line("44566000", 200.004m, 0.004m), Line("40100000", 0, 1200), Line("60100000", 0, 0),
            Line("60100000", -5, 0) with { JournalCode = "VTE", EntryDate = Date.AddDays(1) },
        ]);

        Assert.Contains(problems, p => p.StartsWith("Ligne 2") && p.Contains("deux décimales"));
        Assert.Contains(problems, p => p.StartsWith("Ligne 2") && p.Contains("exactement un montant"));
        Assert.Contains(problems, p => p.StartsWith("Ligne 4") && p.Contains("exactement un montant"));
        Assert.Contains(problems, p => p.StartsWith("Ligne 5") && p.Contains("négatif"));
        Assert.Contains(problems, p => p.StartsWith("Ligne 5") && p.Contains("journal"));
        Assert.Contains(problems, p => p.StartsWith("Ligne 5") && p.Contains("date"));
    }

    /// <summary>Random invoices: one to three VAT rates, cents everywhere, invoices and credit notes, keyword or not.</summary>
    private static Gen<(InvoiceFields Fields, string Text)> Invoices()
    {
        var rates = new[] { 20m, 10m, 5.5m, 2.1m, 0m };
        var cents = Gen.Choose(1, 2_000_000).Select(c => c / 100m);
        var vatLine = Gen.Elements(rates).SelectMany(_ => cents, (rate, @base) => new VatLine(rate, @base, Math.Round(@base * rate / 100m, 2, MidpointRounding.AwayFromZero)));
        var words = Gen.Elements("", "Loyer janvier", "Honoraires", "Abonnement logiciel", "Electricité", "Divers", "Ramettes papier");
        return
            from lines in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(vatLine, n))
            from creditNote in Gen.Elements(false, true)
            from useBreakdown in Gen.Elements(false, true)
            from supplier in Gen.Elements("ACME Corp", "Orange", "EDF", "Lyreco", "SARL Inconnue")
            from text in words
            let ht = lines.Sum(l => l.BaseAmount)
            let tva = lines.Sum(l => l.TaxAmount)
            let sign = creditNote ? -1 : 1
            select (SampleInvoices.Fields(
                supplier: supplier,
                ht: sign * ht,
                tva: sign * tva,
                ttc: sign * (ht + tva),
                rate: lines.Count == 1 ? lines[0].Rate : null,
                breakdown: useBreakdown ? lines : [],
                creditNote: creditNote), text);
    }

    [Fact]
    public void Every_rules_proposal_over_many_generated_invoices_satisfies_the_invariants()
    {
        var rules = SampleInvoices.Rules();
        var property = Prop.ForAll(Invoices().ToArbitrary(), invoice =>
        {
            var proposal = rules.Analyze(new InvoiceToAnalyze(invoice.Fields, invoice.Text));
            var amounts = InvoiceAmounts.From(invoice.Fields);
            var problems = ProposalChecker.Check(proposal.Entries, amounts, Date, Settings);
            var debit = proposal.Entries.Sum(e => e.Debit);
            var credit = proposal.Entries.Sum(e => e.Credit);
            var vatLines = proposal.Entries.Count(e => e.AccountNumber.StartsWith("4456"));
            var expectedVatLines = invoice.Fields.VatBreakdown.Count > 0
                ? invoice.Fields.VatBreakdown.Where(l => l.TaxAmount != 0).Select(l => l.Rate).Distinct().Count()
                : amounts.Tva == 0 ? 0 : 1;
            return problems.Count == 0
                   && debit == credit
                   && debit == Math.Abs(invoice.Fields.AmountTtc!.Value)
                   && vatLines == expectedVatLines;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Any_one_cent_change_to_a_generated_proposal_is_caught()
    {
        var rules = SampleInvoices.Rules();
        var gen =
            from invoice in Invoices()
            from lineSeed in Gen.Choose(0, 1000)
            from delta in Gen.Elements(0.01m, -0.01m)
            select (invoice, lineSeed, delta);
        var property = Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var proposal = rules.Analyze(new InvoiceToAnalyze(sample.invoice.Fields, sample.invoice.Text));
            var entries = proposal.Entries.ToList();
            var index = sample.lineSeed % entries.Count;
            var line = entries[index];
            entries[index] = line.Debit != 0 ? line with { Debit = line.Debit + sample.delta } : line with { Credit = line.Credit + sample.delta };
            return ProposalChecker.Check(entries, InvoiceAmounts.From(sample.invoice.Fields), Date, Settings).Count > 0;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }
}
