using Backend.Bench.InvoiceCorpus;
using Backend.Core.Accounting;
using Backend.Core.Invoices.Extraction;
using Backend.Tests.Configuration;
using Backend.Tests.Extraction;

namespace Backend.Tests.Accounting;

/// <summary>
/// Issue 12, item 5: the expense account comes from what the invoice's lines say, not from incidental words. The
/// labelled set (tests/data/expense-accounts/labels.tsv: real invoices through their visible text layer, hand-typed
/// invoices, EN 16931 example e-invoices) is the same one bench/extraction-accuracy.sh --kind accounts reports.
/// </summary>
public sealed class ExpenseAccountFromContentTests
{
    [Fact]
    public void The_labelled_invoices_are_booked_to_their_labelled_accounts()
    {
        var work = Directory.CreateTempSubdirectory("accounts-").FullName;
        try
        {
            var results = ExpenseAccountBench.Run(RepositoryFiles.Root, ExpenseAccountBench.Load(RepositoryFiles.Root), work);

            Assert.True(results.Count >= 40, $"{results.Count} labelled invoices");
            var wrong = results.Where(r => !r.Right).Select(r => $"{r.Label.Document}: expected {r.Label.Expected}, got {r.Actual}").ToList();
            Assert.True(wrong.Count <= results.Count / 10, $"{wrong.Count} wrong of {results.Count}:\n" + string.Join("\n", wrong));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Delivery_terms_do_not_make_a_grocery_invoice_a_transport_service()
    {
        // Nougat, biscuits and olive oil with "Franco de port", "Adresse de livraison" and "par transporteur" in the
        // terms: the goods are bought for resale (607), not a transport service (6241).
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests/Backend.Tests/Accounting/TestData/epicerie_franco_de_port.txt"));

        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "Au bon moulin SARL", ht: 319.20m, tva: 17.56m, ttc: 336.76m, rate: 5.5m), text));

        Assert.Equal("60700000", proposal.Entries[0].AccountNumber);
    }

    [Fact]
    public void The_largest_item_line_decides_over_a_small_charge_and_the_rest_of_the_page()
    {
        // FNFE sample: PRESTATION SUPPORT 60,00, FOURNITURES DIVERSES 30,00, APPEL 5,00, then a document-level
        // "CHARGE : FRAIS DEPLACEMENT 10,00" and delivery references all over the page.
        var invoice = RealInvoiceFiles.Dev("securibox-facturx/Facture_F20220025-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf");
        var work = Directory.CreateTempSubdirectory("accounts-").FullName;
        try
        {
            var text = LocalEngine.ReadVisibleTextLayer(invoice.PdfPath, work).Text;

            var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "LE FOURNISSEUR", ht: 100m, tva: 20m, ttc: 120m), text));

            Assert.Equal("61560000", proposal.Entries[0].AccountNumber);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Equipment_from_500_euros_is_a_fixed_asset_with_vat_on_fixed_assets_and_below_it_small_equipment()
    {
        var server = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(
            SampleInvoices.Fields(supplier: "InfoTech Solutions SARL", ht: 8500m, tva: 1700m, ttc: 10200m), Lines: [new BookableLine("Serveur Dell PowerEdge R750", 8500m)]));
        var screen = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(
            SampleInvoices.Fields(supplier: "InfoTech Solutions SARL", ht: 180m, tva: 36m, ttc: 216m), "Désignation   Qté   Total HT\nÉcran Dell 24 pouces   1   180,00\nTotal HT   180,00"));

        Assert.Equal(["21830000", "44562000", "40100000"], server.Entries.Select(e => e.AccountNumber));
        Assert.Equal(["60630000", "44566000", "40100000"], screen.Entries.Select(e => e.AccountNumber));
    }

    [Theory]
    [InlineData("Désignation   Qté   Montant\nFormation équipe technique   1   1 200,00\nTotal HT   1 200,00", "62280000")]
    [InlineData("Désignation   Qté   Montant\nÉtude de faisabilité projet   1   4 000,00\nTotal HT   4 000,00", "60400000")]
    [InlineData("Bezeichnung   Menge   Betrag\nLeasingrate Fahrzeug November   1   376,37\nSumme   376,37", "61350000")]
    [InlineData("Description   Qty   Amount\nIndustrial insurance policy premium   1   900.00\nTotal   900.00", "61600000")]
    public void The_item_lines_name_the_account(string text, string expected)
    {
        var proposal = SampleInvoices.Rules().Analyze(new InvoiceToAnalyze(SampleInvoices.Fields(supplier: "SARL Dubois"), text));

        Assert.Equal(expected, proposal.Entries[0].AccountNumber);
    }
}
