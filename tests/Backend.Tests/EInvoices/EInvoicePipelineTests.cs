using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;

namespace Backend.Tests.EInvoices;

/// <summary>
/// E-invoices end to end on SelfHost (real PostgreSQL, blobs on disk, the PostgreSQL queue, the rules analyzer): upload
/// and inbox intake, the structured read before OCR, the stored breakdown and lines, the accounting entry, the checks
/// that send an invoice to validation, the fall back to OCR, and hostile files that never get a 5xx.
/// </summary>
public sealed class EInvoicePipelineTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private InvoiceTestHost _host = null!;
    private Guid _tenant;
    private string _key = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource, aiAnalysis: true);
        (_tenant, _key) = await _host.CreateTenantAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_real_factur_x_is_read_from_its_xml_stored_with_its_lines_and_booked()
    {
        var path = EInvoiceFiles.RealInvoices()["lunatech-pa/facture_facturx_001.pdf"];
        var id = await _host.UploadOkAsync(_key, await File.ReadAllBytesAsync(path), "facture_facturx_001.pdf");

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed, InvoiceStatus.PendingValidation);

        Assert.Equal(InvoiceStatus.AiCompleted, invoice.GetProperty("status").GetString());
        Assert.Equal("facturx", invoice.GetProperty("ocrEngine").GetString());
        // Read from the XML, not from the page: no field has a place to highlight.
        Assert.Empty(invoice.GetProperty("fieldPositions").EnumerateObject());
        Assert.Equal(1.0, invoice.GetProperty("ocrConfidence").GetDouble());
        Assert.Equal("InfoTech Solutions SARL", invoice.GetProperty("supplierName").GetString());
        Assert.Equal("FA-2025-00256", invoice.GetProperty("invoiceNumber").GetString());
        Assert.Equal("38400.00", invoice.GetProperty("amountTTC").GetString());
        Assert.Equal("380", invoice.GetProperty("documentType").GetString());
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("einvoiceNotes").ValueKind);
        Assert.Equal("6400.00", Assert.Single(invoice.GetProperty("vatBreakdown").EnumerateArray()).GetProperty("taxAmount").GetString());
        var lines = invoice.GetProperty("lineItems").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(32000.00m, lines.Sum(l => decimal.Parse(l.GetProperty("netAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        var entries = invoice.GetProperty("accountingEntries").EnumerateArray().ToList();
        Assert.Equal("38400.00", entries.Single(e => e.GetProperty("accountNumber").GetString()!.StartsWith("401")).GetProperty("credit").GetString());
        // The XML rendered as text is what the user sees as the OCR text.
        Assert.Contains("Numéro : FA-2025-00256", invoice.GetProperty("ocrText").GetString());
    }

    [Fact]
    public async Task A_ubl_credit_note_dropped_in_the_inbox_is_negative_and_books_the_mirror()
    {
        var generated = Enumerable.Range(0, 200).Select(i => InvoiceGenerator.GenerateEInvoice(99, i)).First(g => g.Truth.IsCreditNote && g.Truth.VatBreakdown.Count == 1);
        var target = Path.Combine(_host.BlobRoot, "inbox", _tenant.ToString(), "avoir.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".part";
        await File.WriteAllBytesAsync(temp, generated.Ubl);
        File.Move(temp, target);

        var id = await Eventually.MatchAsync(
            () => _host.ScalarAsync<Guid?>("SELECT id FROM invoices WHERE tenant_id = @_tenant", new { _tenant }).ContinueWith(t => t.IsFaulted ? null : t.Result),
            found => found is not null, TimeSpan.FromSeconds(30), "the inbox file becomes an invoice");
        var invoice = await _host.WaitForStatusAsync(_key, id!.Value, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed, InvoiceStatus.PendingValidation);

        Assert.Equal(InvoiceStatus.AiCompleted, invoice.GetProperty("status").GetString());
        Assert.Equal("ubl", invoice.GetProperty("ocrEngine").GetString());
        Assert.Equal("application/xml", invoice.GetProperty("mediaType").GetString());
        Assert.Equal("381", invoice.GetProperty("documentType").GetString());
        Assert.True(invoice.GetProperty("isCreditNote").GetBoolean());
        Assert.Equal(generated.Truth.AmountTtc.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), invoice.GetProperty("amountTTC").GetString());
        Assert.StartsWith("-", invoice.GetProperty("amountTTC").GetString());
        var supplier = invoice.GetProperty("accountingEntries").EnumerateArray().Single(e => e.GetProperty("accountNumber").GetString()!.StartsWith("401"));
        Assert.Equal((-generated.Truth.AmountTtc).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), supplier.GetProperty("debit").GetString());
    }

    [Fact]
    public async Task Lines_that_map_to_different_accounts_are_booked_on_one_expense_line_each()
    {
        var xml = HandWrittenCii.Invoice("Dupont et Fils SARL", [("Abonnement logiciel de caisse", 100.00m, 20m), ("Frais de port Chronopost", 50.00m, 20m), ("Abonnement maintenance", 30.00m, 20m)]);
        var id = await _host.UploadOkAsync(_key, xml, "facture.xml");

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed, InvoiceStatus.PendingValidation);

        Assert.Equal(InvoiceStatus.AiCompleted, invoice.GetProperty("status").GetString());
        Assert.Equal("cii", invoice.GetProperty("ocrEngine").GetString());
        var entries = invoice.GetProperty("accountingEntries").EnumerateArray()
            .Select(e => (e.GetProperty("accountNumber").GetString(), e.GetProperty("debit").GetString(), e.GetProperty("credit").GetString())).ToList();
        Assert.Equal([("61560000", "130.00", "0.00"), ("62410000", "50.00", "0.00"), ("44566000", "36.00", "0.00"), ("40100000", "0.00", "216.00")], entries);
    }

    [Fact]
    public async Task A_failed_EN16931_rule_sends_the_invoice_to_validation_naming_the_rule()
    {
        var xml = HandWrittenCii.Invoice("Dupont et Fils SARL", [("Prestation", 100.00m, 20m)], grandTotal: 121.00m);
        var id = await _host.UploadOkAsync(_key, xml, "facture.xml");

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.PendingValidation, InvoiceStatus.AiCompleted);

        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());
        Assert.Contains("BR-CO-15", invoice.GetProperty("errorMessage").GetString());
        Assert.Contains("BR-CO-15", invoice.GetProperty("einvoiceNotes").GetString());
        Assert.Equal("121.00", invoice.GetProperty("amountTTC").GetString());
    }

    [Fact]
    public async Task A_factur_x_whose_page_disagrees_with_its_xml_is_flagged()
    {
        var path = EInvoiceFiles.RealInvoices()["mustangproject/MustangBeispiel20221026.pdf"];
        var id = await _host.UploadOkAsync(_key, await File.ReadAllBytesAsync(path));

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.PendingValidation, InvoiceStatus.AiCompleted);

        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());
        Assert.Equal("963.11", invoice.GetProperty("amountTTC").GetString());
        Assert.Contains("963.11", invoice.GetProperty("einvoiceNotes").GetString());
        Assert.Contains("Factur-X", invoice.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_corrupt_attachment_falls_back_to_ocr_with_the_reason_recorded()
    {
        var pdf = HostileEInvoices.FacturXTruncated(InvoiceGenerator.GenerateEInvoice(5, 1).Cii);
        var id = await _host.UploadOkAsync(_key, pdf);

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);

        Assert.Equal("pdftotext", invoice.GetProperty("ocrEngine").GetString());
        Assert.StartsWith("XML non utilisé, lu par OCR : Factur-X illisible", invoice.GetProperty("einvoiceNotes").GetString());
        Assert.Contains("1 200,00", invoice.GetProperty("ocrText").GetString());
    }

    [Fact]
    public async Task Hostile_files_are_refused_or_fail_readably_and_never_get_a_5xx()
    {
        var valid = InvoiceGenerator.GenerateEInvoice(5, 2);
        var files = new (string Name, byte[] Content, HttpStatusCode Expected)[]
        {
            ("xxe.xml", HostileEInvoices.Xxe(), HttpStatusCode.UnsupportedMediaType),
            ("laughs.xml", HostileEInvoices.BillionLaughs(), HttpStatusCode.UnsupportedMediaType),
            ("wrong-ns.xml", HostileEInvoices.WrongNamespace(valid.Cii), HttpStatusCode.UnsupportedMediaType),
            ("commande.xml", "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>"u8.ToArray(), HttpStatusCode.UnsupportedMediaType),
            ("huge.xml", HostileEInvoices.Huge(), HttpStatusCode.RequestEntityTooLarge),
            ("deep.xml", HostileEInvoices.DeepNesting(), HttpStatusCode.Created),
            ("wrong-child-ns.xml", HostileEInvoices.WrongChildNamespace(valid.Cii), HttpStatusCode.Created),
            ("xxe.pdf", HostileEInvoices.FacturXCarrying(HostileEInvoices.Xxe()), HttpStatusCode.Created),
            ("laughs.pdf", HostileEInvoices.FacturXCarrying(HostileEInvoices.BillionLaughs()), HttpStatusCode.Created),
            ("bomb.pdf", HostileEInvoices.FacturXCarrying(HostileEInvoices.Huge()), HttpStatusCode.Created),
            ("truncated.pdf", HostileEInvoices.FacturXTruncated(valid.Cii, 0.3), HttpStatusCode.Created),
        };
        var created = new List<(string Name, Guid Id)>();
        foreach (var (name, content, expected) in files)
        {
            using var response = await _host.UploadAsync(_key, content, name);
            Assert.True((int)response.StatusCode < 500, $"{name}: {response.StatusCode}");
            Assert.Equal(expected, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created.Add((name, body.GetProperty("invoiceId").GetGuid()));
            }
            else
            {
                Assert.False(body.GetProperty("success").GetBoolean());
            }
        }

        foreach (var (name, id) in created)
        {
            var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.OcrFailed, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);
            Assert.DoesNotContain(HostileEInvoices.Secret, invoice.GetRawText());
            if (name.EndsWith(".xml", StringComparison.Ordinal))
            {
                // A bare XML has no page to fall back on: it fails at once, saying why.
                Assert.Equal(InvoiceStatus.OcrFailed, invoice.GetProperty("status").GetString());
                Assert.Equal(1, invoice.GetProperty("retryCount").GetInt32());
                Assert.False(string.IsNullOrWhiteSpace(invoice.GetProperty("errorMessage").GetString()));
            }
            else
            {
                Assert.Equal("pdftotext", invoice.GetProperty("ocrEngine").GetString());
                Assert.StartsWith("XML non utilisé", invoice.GetProperty("einvoiceNotes").GetString());
            }
        }
    }
}
