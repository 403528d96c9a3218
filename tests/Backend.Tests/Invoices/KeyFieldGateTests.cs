using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Tests.Extraction;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Tests.Invoices;

/// <summary>
/// An invoice is booked automatically only when its supplier, TTC, HT, TVA and date are each sure enough: a good
/// overall score must not carry a doubtful key field to the accounting analysis (issue 12: a customer's contact
/// read as the supplier at 0.57 was chained and booked).
/// </summary>
public sealed class KeyFieldGateTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private InvoiceTestHost _host = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource);
        (_, _key) = await _host.CreateTenantAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_invoice_whose_only_name_is_in_the_addressee_block_waits_for_validation_naming_the_supplier()
    {
        // Everything adds up, but the only names are the customer's and its contact's, as on the FNFE BASICWL sample.
        var id = await _host.UploadOkAsync(_key, TestDocuments.TextPdf(TestDocuments.NamelessInvoiceLines));

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.PendingValidation, InvoiceStatus.OcrCompleted);

        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());
        var message = invoice.GetProperty("errorMessage").GetString();
        Assert.StartsWith(OcrAttempt.LowConfidenceMessage, message);
        Assert.Contains("fournisseur (supplierName)", message);
        Assert.DoesNotContain("montant TTC", message);
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }));
    }

    [Fact]
    public async Task An_invoice_whose_totals_do_not_add_up_waits_naming_the_amounts()
    {
        // Supplier, number and date are sure; HT + TVA is 474,75 and the page says 484,75: one of the three is misread.
        var id = await _host.UploadOkAsync(_key, TestDocuments.TextPdf([
            "Boulangerie Martin SARL",
            "8 place du Marché, 69002 Lyon",
            "SIRET 732 829 320 00074 - TVA FR44 732 829 320",
            "FACTURE N° BM-2025-0042",
            "Date de facture : 12/03/2025",
            "",
            "Total HT                                     450,00 €",
            "TVA 5,5 %                                     24,75 €",
            "Total TTC                                    484,75 €",
        ]));

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.PendingValidation, InvoiceStatus.OcrCompleted);

        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());
        var message = invoice.GetProperty("errorMessage").GetString();
        Assert.Contains("montant TTC (amountTTC)", message);
        Assert.DoesNotContain("fournisseur", message);
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }));
    }

    [Fact]
    public async Task A_real_german_invoice_printing_its_totals_in_parts_is_chained_with_their_sums()
    {
        // weclapp: "Positionen netto" + "Versandkosten netto", one VAT line for each, no single net or VAT total.
        var id = await _host.UploadOkAsync(_key, RealInvoiceFiles.VisiblePdf(RealInvoiceFiles.Dev("mustangproject/MustangBeispiel20221026.pdf")));

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);

        Assert.Equal(InvoiceStatus.OcrCompleted, invoice.GetProperty("status").GetString());
        Assert.Equal("809.34", invoice.GetProperty("amountHT").GetString());
        Assert.Equal("963.12", invoice.GetProperty("amountTTC").GetString());
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }));
    }

    [Fact]
    public async Task A_real_invoice_read_with_every_key_field_sure_is_chained_to_the_analysis()
    {
        var real = RealInvoiceFiles.Dev("lunatech-pa/facture_facturx_001.pdf");
        var id = await _host.UploadOkAsync(_key, RealInvoiceFiles.VisiblePdf(real));

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);

        Assert.Equal(InvoiceStatus.OcrCompleted, invoice.GetProperty("status").GetString());
        Assert.Equal(real.Truth.SupplierName, invoice.GetProperty("supplierName").GetString());
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }));
    }

    [Fact]
    public async Task An_extraction_that_runs_out_of_budget_waits_for_validation_once_with_its_text_kept()
    {
        await _host.StopAsync();
        _host.Start(s => s.Replace(ServiceDescriptor.Singleton<IInvoiceFieldExtractor>(new OutOfBudgetExtractor())));

        var id = await _host.UploadOkAsync(_key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.PendingValidation, InvoiceStatus.OcrFailed, InvoiceStatus.OcrCompleted);

        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());
        Assert.Equal(OcrAttempt.ExtractionStoppedMessage, invoice.GetProperty("errorMessage").GetString());
        Assert.Equal(0, invoice.GetProperty("retryCount").GetInt32());
        Assert.Contains("ACME", invoice.GetProperty("ocrText").GetString());
    }

    private sealed class OutOfBudgetExtractor : IInvoiceFieldExtractor
    {
        public InvoiceFields Extract(OcrResult ocr)
        {
            var budget = new ExtractionBudget(TimeSpan.FromMinutes(1), maxWork: 10);
            return new InvoiceFieldExtractor().Extract(ocr, budget);
        }
    }
}
