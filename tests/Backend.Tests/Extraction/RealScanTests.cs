using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;
using Backend.Tests.Configuration;

namespace Backend.Tests.Extraction;

/// <summary>
/// Real invoices of the development side, read through the scan path: Tesseract's own TSV output for the 300-dpi
/// page (TestData/real-scans, made by bench/extraction-accuracy.sh --kind real-scan), so the test runs the extractor
/// on real OCR words and boxes without running Tesseract. The files without a suffix were made with Tesseract's page
/// mode 3, those ending in -psm4 with the mode 4 the engine now uses: both are real OCR output the extractor must read.
/// </summary>
public class RealScanTests
{
    [Fact]
    public void A_deposit_printed_under_the_total_does_not_hide_the_total_above_it()
    {
        // "TOTAL HT | TOTAL TVA | TOTAL TTC" over "100,00 20,00 120,00", then "Acompte : 20,00" right under 120,00 and
        // "NET A PAYER 100,00": the deposit is another label's value, not the rest of a column of figures.
        var (truth, fields) = Read("F20220025");

        Assert.Equal(truth.AmountTtc, fields.AmountTtc?.Value);
        Assert.Equal(truth.AmountHt, fields.AmountHt?.Value);
        Assert.DoesNotContain(KeyFieldReview.Doubtful(fields), k => k.Name == "amountTTC");
    }

    [Fact]
    public void The_seller_block_is_found_above_its_identifiers_across_a_blank_line()
    {
        // "SELLER TRADE NAME" / "LE FOURNISSEUR" / address / e-mail / GLN / blank line / "SIREN : 123 456 782": the
        // name above the address wins, and with a confidence that chains.
        var (truth, fields) = Read("F20260025");

        Assert.Equal(truth.SupplierName, fields.SupplierName?.Value);
        Assert.True(fields.SupplierName!.Confidence >= KeyFieldReview.Fields.Single(k => k.Name == "supplierName").Threshold, $"confidence {fields.SupplierName.Confidence}");
    }

    [Fact]
    public void A_credit_note_whose_title_ocr_missed_is_not_booked_as_an_invoice()
    {
        // The title "AVOIR N° : F20260028" is white on a dark band and Tesseract reads nothing of it: nothing on the
        // page says credit note, so the positive amounts read are doubtful and the invoice waits for validation.
        var (truth, fields) = Read("F20260028");

        Assert.True(truth.AmountTtc < 0);
        Assert.Contains(KeyFieldReview.Doubtful(fields), k => k.Name == "amountTTC");
    }

    [Fact]
    public void A_block_heading_is_not_taken_for_the_seller_when_ocr_garbled_the_sellers_name()
    {
        // Page mode 4 read "LE FOURNISSEUR" under "SELLER TRADE NAME" as "us TEES) .". The payee block's heading
        // "BÉNÉFICIAIRE" must not stand in for it; the legal footer "FOURNISSEUR F SARL au capital de 50 000 EUR - RCS
        // MAVILLE 123 456 782" names the same company, registered under the SIREN printed in the seller block.
        var (_, fields) = Read("F20220023", "-psm4");

        Assert.NotEqual("BÉNÉFICIAIRE", fields.SupplierName?.Value);
        Assert.Equal("FOURNISSEUR F SARL", fields.SupplierName?.Value);
    }

    [Fact]
    public async Task Tesseract_reads_the_boxed_header_cell_that_holds_the_invoice_number()
    {
        // With the automatic page mode 3, Tesseract took the top band (logo, "FACTURE N° : F20260025") for a picture and
        // read nothing of it; the engine's page mode 4 reads it. Real Tesseract on the real page rendered at 300 dpi.
        var invoice = RealInvoiceFiles.Dev("securibox-facturx/Facture_F20260025-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf");
        var directory = Directory.CreateTempSubdirectory("real-scan-").FullName;
        try
        {
            ExternalTool.Run("pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", invoice.PdfPath, Path.Combine(directory, "page"));
            var engine = new LocalOcrEngine(Microsoft.Extensions.Options.Options.Create(new OcrSettings()));
            var ocr = await engine.ReadAsync(await File.ReadAllBytesAsync(Path.Combine(directory, "page.png")), MediaTypes.Png, default);

            var fields = new InvoiceFieldExtractor().Extract(ocr);
            Assert.Equal(invoice.Truth.InvoiceNumber, fields.InvoiceNumber?.Value);
            Assert.Equal(invoice.Truth.AmountTtc, fields.AmountTtc?.Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (GroundTruth Truth, InvoiceFields Fields) Read(string sample, string variant = "")
    {
        var invoice = RealInvoiceFiles.Dev($"securibox-facturx/Facture_{sample}-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf");
        var tsv = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests/Backend.Tests/Extraction/TestData/real-scans", $"Facture_{sample}-1{variant}.tsv"));
        var page = LocalEngine.ParseTsv(tsv, 1);
        var confidence = page.Words.Average(w => w.Confidence);
        return (invoice.Truth, new InvoiceFieldExtractor().Extract(new OcrResult("tesseract", page.Text, confidence, [page], [], "{}")));
    }
}
