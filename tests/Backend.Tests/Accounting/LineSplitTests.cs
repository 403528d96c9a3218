using Backend.Core.Accounting;

namespace Backend.Tests.Accounting;

/// <summary>An e-invoice's lines booked on one expense account each when they map to different accounts.</summary>
public sealed class LineSplitTests
{
    private static readonly BookableLine[] Lines = [new("Abonnement logiciel", 600m), new("Frais de port", 300m), new("Papeterie ramettes", 150m)];

    [Fact]
    public void Lines_split_by_account_and_a_document_allowance_goes_to_the_largest()
    {
        // Lines add up to 1050; a 50 document-level allowance brings HT to 1000.
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "Dupont SARL"), Lines: Lines));

        Assert.Equal(
            [("61560000", 550m, 0m), ("62410000", 300m, 0m), ("60640000", 150m, 0m), ("44566000", 200m, 0m), ("40100000", 0m, 1200m)],
            proposal.Entries.Select(e => (e.AccountNumber, e.Debit, e.Credit)));
        Assert.Contains("3 comptes", proposal.Notes);
    }

    [Fact]
    public void A_credit_note_books_the_mirror_of_each_account()
    {
        var negative = Lines.Select(l => l with { NetAmount = -l.NetAmount }).ToList();
        var fields = SampleInvoices.Fields(supplier: "Dupont SARL", ht: -1050m, tva: -210m, ttc: -1260m, creditNote: true);

        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(fields, Lines: negative));

        Assert.Equal(
            [("61560000", 0m, 600m), ("62410000", 0m, 300m), ("60640000", 0m, 150m), ("44566000", 0m, 210m), ("40100000", 1260m, 0m)],
            proposal.Entries.Select(e => (e.AccountNumber, e.Debit, e.Credit)));
    }

    [Fact]
    public void The_supplier_name_or_the_tenants_account_still_decides_for_the_whole_invoice()
    {
        var byName = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "Chronopost"), Lines: Lines));
        var byTenant = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "Dupont SARL"),
            SupplierAccounts: new SupplierAccountOverride("6068", null), Lines: Lines));

        Assert.Equal(["62410000", "44566000", "40100000"], byName.Entries.Select(e => e.AccountNumber));
        Assert.Equal(["60680000", "44566000", "40100000"], byTenant.Entries.Select(e => e.AccountNumber));
    }

    [Fact]
    public void Lines_of_mixed_signs_that_would_leave_an_account_negative_book_one_line()
    {
        BookableLine[] lines = [new("Abonnement logiciel", 1100m), new("Frais de port", -100m)];

        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "Dupont SARL"), Lines: lines));

        Assert.Equal(3, proposal.Entries.Count);
        Assert.Equal(1000m, proposal.Entries[0].Debit);
    }
}
