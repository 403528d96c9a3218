using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;
using Backend.Tests.Configuration;

namespace Backend.Tests.Extraction;

/// <summary>
/// What Tesseract does to company names: it splits a bold capital off its word ("SAS J ARDINS", "SARL Moreau J ardins"),
/// reads a bracket for a letter, or leaves a gap before the legal form. A name with such a mark is kept but held for a
/// person, since a supplier account would be opened under it. A text layer's "J ardins" is glued back when read.
/// </summary>
public class OcrMarksInNamesTests
{
    [Theory]
    [InlineData("SAS J ARDINS CHEVALIER", "SAS J ARDINS CHEVALIER", true)]
    [InlineData("DURAND J ARDINS SASU", "DURAND J ARDINS SASU", true)]
    [InlineData("J ardins Dubois SASU", "Jardins Dubois SASU", false)]
    [InlineData("Jardins Dubois SASU", "Jardins Dubois SASU", false)]
    [InlineData("J. Martin Plomberie SARL", "J. Martin Plomberie SARL", false)]
    [InlineData("Café A Côté SARL", "Café A Côté SARL", false)]
    [InlineData("SARL LAMBERT] ARDINS", "SARL LAMBERT] ARDINS", true)]
    public void A_name_with_an_ocr_mark_is_doubtful(string name, string read, bool split)
    {
        var text = string.Join("\n",
            name,
            "8 place du Marché, 69002 Lyon",
            $"{name} au capital de 10 000 € - SIRET 732 829 320 00074 - TVA FR44 732 829 320",
            "FACTURE N° F-2025-0042",
            "Date de facture : 12/03/2025",
            "",
            "Total HT                                     450,00 €",
            "TVA 20 %                                      90,00 €",
            "Total TTC                                    540,00 €");

        var fields = new InvoiceFieldExtractor().Extract(new OcrResult("tesseract", text, 0.9, [new OcrPage(1, text, [])], [], "{}"));

        Assert.Equal(read, fields.SupplierName?.Value);
        Assert.Equal(split, KeyFieldReview.Doubtful(fields).Any(k => k.Name == "supplierName"));
    }

    [Fact]
    public void A_legal_form_cut_off_its_name_by_a_gap_is_joined_back_and_never_taken_alone()
    {
        var text = string.Join("\n",
            "Chevalier Plomberie              EURL",
            "84 chemin des Vignes",
            "06000 Nice",
            "SIRET : 135 814 770 38511",
            "FACTURE N° F-2025-0042",
            "Date de facture : 12/03/2025",
            "Total HT                                     450,00 €",
            "TVA 20 %                                      90,00 €",
            "Total TTC                                    540,00 €",
            "Chevalier Plomberie EURL au capital de 21 000 € - RCS Nice 135 814 770");

        var fields = new InvoiceFieldExtractor().Extract(new OcrResult("tesseract", text, 0.9, [new OcrPage(1, text, [])], [], "{}"));

        Assert.Equal("Chevalier Plomberie EURL", fields.SupplierName?.Value);
        Assert.DoesNotContain(KeyFieldReview.Doubtful(fields), k => k.Name == "supplierName");
    }

    [Fact]
    public void Tesseracts_own_words_with_a_split_capital_hold_the_name()
    {
        // Tesseract's TSV (page mode 4) of a generated scan whose seller is "SARL Moreau Jardins" in bold: it reads
        // "SARL Moreau J ardins" word by word, which the layout keeps as it is.
        var tsv = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests/Backend.Tests/Extraction/TestData/generated-scans/moreau-jardins-1.tsv"));
        var page = LocalEngine.ParseTsv(tsv, 1);

        var fields = new InvoiceFieldExtractor().Extract(new OcrResult("tesseract", page.Text, page.Words.Average(w => w.Confidence), [page], [], "{}"));

        Assert.Equal("SARL Moreau J ardins", fields.SupplierName?.Value);
        Assert.Contains(KeyFieldReview.Doubtful(fields), k => k.Name == "supplierName");
    }
}
