using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices.Extraction;
using Backend.Tests.Configuration;

namespace Backend.Tests.Extraction;

/// <summary>
/// Real invoices made by invoicing software (development two-thirds of tests/data/real-invoices), read through
/// their visible page only, as the text-layer path of the pipeline reads them. The full figures, held-out third
/// included, come from bench/extraction-accuracy.sh; this runs the same code at CI size.
/// </summary>
public class RealInvoiceTests
{
    [Theory]
    // The FNFE sample: "LOGO LE FOURNISSEUR" over a block whose SIREN and VAT belong to "LE FOURNISSEUR"; the
    // "Adresse du Client" block beside it and the "Représentant Fiscal" below it are other parties.
    [InlineData("securibox-facturx/Facture_F20220023-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf")]
    [InlineData("akretion-factur-x/invoice_EN16931.pdf")]
    // lunatech: the seller at the top left, the buyer under "ACHETEUR" with its own SIRET and VAT.
    [InlineData("lunatech-pa/facture_facturx_bulk-emi-0009.pdf")]
    [InlineData("lunatech-pa/avoir_facturx_381.pdf")]
    public void The_supplier_is_the_party_whose_legal_mentions_are_printed(string name)
    {
        var invoice = RealInvoiceFiles.Dev(name);
        var fields = Read(invoice);

        Assert.Equal(invoice.Truth.SupplierName, fields.SupplierName?.Value);
        Assert.True(fields.SupplierName!.Confidence >= KeyFieldReview.Fields.Single(k => k.Name == "supplierName").Threshold, $"confidence {fields.SupplierName.Confidence}");
        Assert.Equal(invoice.Truth.AmountTtc, fields.AmountTtc?.Value);
    }

    [Theory]
    // "Réf. facture précédente : FA-2025-00256" on a credit note is another document's number.
    [InlineData("lunatech-pa/avoir_facturx_381.pdf")]
    // "DATE DE FACTURE ASSOCIÉE : 01/01/2022" is another document's date; the invoice's is "Date : 31/01/2022".
    [InlineData("securibox-facturx/Facture_F20220023-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf")]
    public void References_to_another_invoice_are_not_this_invoice_number_or_date(string name)
    {
        var invoice = RealInvoiceFiles.Dev(name);
        var fields = Read(invoice);

        Assert.Equal(invoice.Truth.InvoiceNumber, fields.InvoiceNumber?.Value);
        Assert.Equal(invoice.Truth.InvoiceDate, fields.InvoiceDate?.Value);
    }

    [Fact]
    public void A_german_leasing_invoice_reads_its_kerned_labels_its_letter_date_and_a_net_amount_qualified_in_parentheses()
    {
        // Oracle Reports kerns capitals apart ("R echnungsnummer:"), dates the letter "München, den 01.11.2024" while a
        // print stamp at the bottom says "Datum: 30.10.2024", and prints "Nettobetrag (zzgl. 19,00% MwSt.) 376,37".
        var invoice = RealInvoiceFiles.Dev("mustangproject/ZTESTZUGFERD_1_INVDSS_012015738820PDF-1.pdf");
        var fields = Read(invoice);

        Assert.Equal(invoice.Truth.InvoiceNumber, fields.InvoiceNumber?.Value);
        Assert.Equal(invoice.Truth.InvoiceDate, fields.InvoiceDate?.Value);
        Assert.Equal(invoice.Truth.AmountHt, fields.AmountHt?.Value);
        Assert.Equal(invoice.Truth.AmountTva, fields.AmountTva?.Value);
        Assert.Equal(invoice.Truth.AmountTtc, fields.AmountTtc?.Value);
    }

    [Fact]
    public void A_total_printed_in_parts_is_read_as_the_sum_of_its_labelled_parts()
    {
        // weclapp prints "Positionen netto 804,35 €", "Versandkosten netto 4,99 €", one "USt. 19,00% auf …" line for
        // each, and "Endsumme 963,12 €", never a net or VAT total. The XML says VAT 153.77 and TTC 963.11, one cent
        // off what the page prints: the page's 152.83 + 0.95 and 963.12 are what a reader of the page must find.
        var invoice = RealInvoiceFiles.Dev("mustangproject/MustangBeispiel20221026.pdf");
        var fields = Read(invoice);

        Assert.Equal(invoice.Truth.AmountHt, fields.AmountHt?.Value);
        Assert.Equal(153.78m, fields.AmountTva?.Value);
        Assert.Equal(963.12m, fields.AmountTtc?.Value);
        Assert.DoesNotContain(KeyFieldReview.Doubtful(fields), k => k.Name is "amountHT" or "amountTVA" or "amountTTC");
    }

    [Fact]
    public void The_bench_scores_real_invoices_at_ci_size_and_nothing_chained_has_a_wrong_key_field()
    {
        var invoices = RealInvoiceSet.Load(RealInvoiceSet.DefaultDirectory(RepositoryFiles.Root)).Where(r => !r.HeldOut).Take(6).ToList();
        var work = Directory.CreateTempSubdirectory("real-bench-").FullName;
        try
        {
            var results = RealInvoiceBench.Run(invoices, RealInvoiceBench.Path.TextLayer, work, new InvoiceFieldExtractor(), parallelism: 2);
            var report = Report.Build(results.Select(r => (r.Invoice.Truth, r.Fields)).ToList());

            Assert.Equal(6, results.Count);
            Assert.True(report.Overall >= 0.9, $"overall {report.Overall:P1}");
            Assert.Equal(0, report.ChainedWithWrongKeyField);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void The_split_is_fixed_and_keeps_both_fnfe_versions_of_a_sample_on_one_side()
    {
        var all = RealInvoiceSet.Load(RealInvoiceSet.DefaultDirectory(RepositoryFiles.Root));

        Assert.InRange(all.Count(r => r.HeldOut), all.Count / 5, all.Count / 2);
        Assert.Equal(
            RealInvoiceSet.IsHeldOut("securibox-facturx/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf"),
            RealInvoiceSet.IsHeldOut("securibox-facturx/Facture_F20260024-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf"));
    }

    private static InvoiceFields Read(RealInvoice invoice)
    {
        var work = Directory.CreateTempSubdirectory("real-invoice-").FullName;
        try
        {
            return new InvoiceFieldExtractor().Extract(LocalEngine.ReadVisibleTextLayer(invoice.PdfPath, work));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
