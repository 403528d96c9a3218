using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;

namespace Backend.Tests.Invoices;

/// <summary>SelfHost's blob trigger: files dropped into {blob root}/inbox/{tenant_id}/ become invoices, once.</summary>
public sealed class InboxDropTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private InvoiceTestHost _host = null!;
    private Guid _tenant;
    private string _key = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource);
        (_tenant, _key) = await _host.CreateTenantAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_scanned_invoice_dropped_in_the_inbox_is_read_end_to_end_and_a_restart_does_not_repeat_it()
    {
        Drop($"{_tenant}/scan janvier.png", TestDocuments.Render(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines)));

        var listed = await WaitForInvoicesAsync(1);
        var id = listed[0].GetProperty("id").GetGuid();
        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);
        Assert.Equal("inbox", invoice.GetProperty("source").GetString());
        Assert.Equal("scan janvier.png", invoice.GetProperty("fileName").GetString());
        Assert.Equal("tesseract", invoice.GetProperty("ocrEngine").GetString());
        Assert.Contains("FAC-2024-0042", invoice.GetProperty("ocrText").GetString());
        Assert.Equal("1200.00", invoice.GetProperty("amountTTC").GetString());

        // Restart: the rescan walks the old file again; a second drop proves a scan ran after the restart.
        await _host.StopAsync();
        _host.Start();
        Drop($"{_tenant}/facture.pdf", TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        await WaitForInvoicesAsync(2);
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_receipts") == 2);
        Assert.Equal(2, await _host.ScalarAsync<long>("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task Drops_of_unknown_tenants_are_receipted_as_rejected_and_empty_files_fail_readably()
    {
        Drop($"{Guid.NewGuid()}/facture.pdf", TestDocuments.TextPdf(["Facture"]));
        Drop("sans-dossier.pdf", TestDocuments.TextPdf(["Facture"]));
        Drop($"{_tenant}/vide.pdf", []);

        var listed = await WaitForInvoicesAsync(1);
        var invoice = await _host.WaitForStatusAsync(_key, listed[0].GetProperty("id").GetGuid(), InvoiceStatus.OcrFailed);
        Assert.Equal("Fichier vide : aucun contenu à lire.", invoice.GetProperty("errorMessage").GetString());
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_receipts") == 3);
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_receipts WHERE outcome = 'rejected: unknown tenant'"));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_receipts WHERE outcome LIKE 'rejected: expected%'"));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task A_symbolic_link_in_a_tenant_inbox_to_another_tenant_stored_invoice_is_never_taken_in()
    {
        var (otherTenant, otherKey) = await _host.CreateTenantAsync("Cabinet Durand");
        var uploaded = await _host.UploadOkAsync(_key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "confidentiel.pdf");
        await _host.WaitForStatusAsync(_key, uploaded, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);
        var stored = Directory.GetFiles(Path.Combine(_host.BlobRoot, "invoices"), "*", SearchOption.AllDirectories).Single();
        var otherInbox = Path.Combine(_host.BlobRoot, "inbox", otherTenant.ToString());
        Directory.CreateDirectory(otherInbox);
        File.CreateSymbolicLink(Path.Combine(otherInbox, "volee.pdf"), stored);
        Directory.CreateSymbolicLink(Path.Combine(otherInbox, "dossier"), Path.GetDirectoryName(stored)!);
        // Dropped after the links: once it is taken in, a scan has walked past them.
        Drop($"{otherTenant}/vraie.pdf", TestDocuments.TextPdf(["Facture"]));

        var listed = await WaitForInvoicesAsync(1, otherKey);

        Assert.Equal(["vraie.pdf"], listed.Select(i => i.GetProperty("fileName").GetString()));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_receipts"));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM invoices WHERE tenant_id = @otherTenant", new { otherTenant }));
    }

    /// <summary>Writes beside the inbox and renames into it, as a careful client would.</summary>
    private void Drop(string name, byte[] content)
    {
        var target = Path.Combine(_host.BlobRoot, "inbox", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(_host.BlobRoot, "drop-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(temp, content);
        File.Move(temp, target);
    }

    private async Task<List<JsonElement>> WaitForInvoicesAsync(int count, string? key = null) =>
        await Eventually.MatchAsync(async () =>
        {
            using var response = await _host.SendAsync(HttpMethod.Get, "/api/invoices", key ?? _key);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("invoices").EnumerateArray().ToList();
        }, list => list.Count >= count, TimeSpan.FromSeconds(30), $"{count} invoice(s) taken in from the inbox");
}
