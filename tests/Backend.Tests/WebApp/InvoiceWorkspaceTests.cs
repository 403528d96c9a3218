using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Backend.Tests.Ocr;
using Backend.Tests.Reliability;
using Dapper;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Backend.Tests.WebApp;

/// <summary>
/// The invoice workspace (/app/) in a real Chromium against SelfHost on PostgreSQL with its real OCR pipeline
/// (pdftotext, Tesseract): upload, live states, review and correction, validation, export, tenant isolation.
/// </summary>
public sealed class InvoiceWorkspaceTests(WebAppStack stack, ITestOutputHelper output) : IClassFixture<WebAppStack>
{
    private const string Password = "Espace-factures-2026-secret";

    private async Task<(string TenantId, string Email)> TenantUserAsync(string name)
    {
        var tenant = await stack.PostJsonAsync("/api/v1/admin/tenants", new { name });
        var tenantId = tenant["tenant_id"]!.GetValue<string>();
        var email = $"compta-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        await stack.PostJsonAsync("/api/v1/admin/accounts", new
        {
            email, role = "tenant_user", tenant_id = tenantId, display_name = $"Comptable {name}", password = Password,
        });
        return (tenantId, email);
    }

    private static string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), "webapp-" + Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static ILocator Row(IPage page, string fileName) =>
        page.GetByTestId("invoice-row").Filter(new() { HasText = fileName });

    [Fact]
    public async Task Upload_follow_correct_validate_and_export_then_another_tenant_sees_not_found()
    {
        var (_, email) = await TenantUserAsync("Cabinet Martin");
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/app/connexion", email, Password);
        await Assertions.Expect(page.GetByText("Aucune facture pour l'instant")).ToBeVisibleAsync();
        await WebAppStack.ScreenshotAsync(page, "app-factures-vide");

        // Three files through the page's picker, plus one the API refuses: each row says how it went.
        var files = new[]
        {
            WriteFile("acme-janvier.pdf", TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines)),
            WriteFile("nougats-mars.pdf", TestDocuments.TextPdf(TestDocuments.NamelessInvoiceLines)),
            WriteFile("illisible.png", TestFiles.GarbagePng()),
            WriteFile("notes.txt", Encoding.UTF8.GetBytes("pas une facture")),
        };
        // A marker the page keeps only if it is never reloaded.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var dropped = Stopwatch.StartNew();
        await page.GetByTestId("file-input").SetInputFilesAsync(files);

        await Assertions.Expect(page.GetByTestId("upload-item").Filter(new() { HasText = "notes.txt" })).ToContainTextAsync("Refusée");
        await Assertions.Expect(page.GetByTestId("upload-item").Filter(new() { HasText = "notes.txt" })).ToContainTextAsync("Format non pris en charge");
        var acme = Row(page, "acme-janvier.pdf");
        await Assertions.Expect(acme).ToContainTextAsync("FAC-2024-0042", new() { Timeout = 60_000 });
        var dropToFields = dropped.Elapsed;
        await Assertions.Expect(acme).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(AI_COMPLETED|PENDING_VALIDATION)$"), new() { Timeout = 60_000 });
        await Assertions.Expect(Row(page, "nougats-mars.pdf")).ToHaveAttributeAsync("data-status", "PENDING_VALIDATION", new() { Timeout = 60_000 });
        await Assertions.Expect(Row(page, "illisible.png")).ToHaveAttributeAsync("data-status", "OCR_FAILED", new() { Timeout = 90_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the list followed the states without a reload");
        await Assertions.Expect(page.GetByTestId("count-OCR_FAILED")).ToContainTextAsync("1");
        await WebAppStack.ScreenshotAsync(page, "app-factures");
        output.WriteLine($"drop → fields shown in the list (text-layer PDF, 4 files at once): {dropToFields.TotalMilliseconds:F0} ms");

        // The failed image shows its message.
        await Row(page, "illisible.png").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "La lecture a échoué" })).ToBeVisibleAsync();
        await WebAppStack.ScreenshotAsync(page, "app-facture-echec");
        await page.GoBackAsync();

        // Review the waiting invoice: the missing supplier is doubtful, the PDF is drawn, its total is outlined.
        await Row(page, "nougats-mars.pdf").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Facture FA-2025-117" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas")).ToBeVisibleAsync();
        await page.GetByLabel("Montant TTC").FocusAsync();
        // Outlined where pdftotext read it: the "Total TTC" row, line 14 (baseline 244 pt from the top of 842), right-hand side.
        var highlight = page.Locator("[data-testid=field-highlight][data-source=engine]");
        await Assertions.Expect(highlight).ToBeVisibleAsync();
        await AssertOverAsync(page.Locator(".viewer-canvas canvas"), highlight, baseline: 244 / 842.0);
        await WebAppStack.ScreenshotAsync(page, "app-facture-position");
        // A check as one types: HT + TVA ≠ TTC is flagged and blocks validation until put right.
        await page.GetByLabel("Montant TTC").FillAsync("475,75");
        await Assertions.Expect(page.Locator("[data-field=amountTTC] .field-problem")).ToContainTextAsync("≠");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Valider" })).ToBeDisabledAsync();
        await page.GetByLabel("Montant TTC").FillAsync("474,75");
        await page.GetByLabel("N° TVA fournisseur").FillAsync("FR45732829320");
        await Assertions.Expect(page.Locator("[data-field=supplierVAT] .field-problem")).ToContainTextAsync("Clé TVA incorrecte");
        await page.GetByLabel("N° TVA fournisseur").FillAsync("FR44732829320");
        await page.Locator("#field-supplierName").FillAsync("Nougats Durand");
        await WebAppStack.ScreenshotAsync(page, "app-facture-revue");

        // Validate from the keyboard: the state changes at once and the entries the rules booked balance.
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Facture validée" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".review-head [data-status]")).ToHaveAttributeAsync("data-status", "VALIDATED");
        var debit = await page.GetByTestId("total-debit").TextContentAsync();
        Assert.Equal("474.75", debit);
        Assert.Equal(debit, await page.GetByTestId("total-credit").TextContentAsync());
        var invoiceUrl = page.Url;
        await WebAppStack.ScreenshotAsync(page, "app-facture-validee");

        // Export March 2025 in Sage: the preview lists the invoice, the download holds the corrected supplier.
        await page.GotoAsync("/app/export");
        await page.GetByLabel("Du").FillAsync("2025-03-01");
        await page.GetByLabel("Au").FillAsync("2025-03-31");
        await Assertions.Expect(page.GetByTestId("export-preview-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("export-preview-row")).ToContainTextAsync("Nougats Durand");
        await WebAppStack.ScreenshotAsync(page, "app-export");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter 1 facture" }).ClickAsync());
        var sage = Encoding.Latin1.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        output.WriteLine(sage);
        Assert.Contains("FA-2025-117", sage);
        Assert.Contains("NOUGATS DURAND", sage.ToUpperInvariant());
        Assert.Contains("474", sage);
        await Assertions.Expect(page.GetByTestId("export-batch-row")).ToHaveCountAsync(1);
        await WebAppStack.ScreenshotAsync(page, "app-export-fait");
        await page.Context.CloseAsync();

        // Tenant B's user opening tenant A's invoice sees the not-found view.
        var (_, otherEmail) = await TenantUserAsync("Cabinet Durand");
        var other = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(other, "/app/connexion", otherEmail, Password);
        await other.GotoAsync(invoiceUrl);
        await Assertions.Expect(other.GetByTestId("invoice-not-found")).ToBeVisibleAsync();
        await WebAppStack.ScreenshotAsync(other, "app-facture-introuvable");
        await other.Context.CloseAsync();
    }

    /// <summary>
    /// The outline stands on the page over the value's row: it spans the row's baseline (as a fraction of the page's
    /// height, known from how the test PDF is drawn) without reaching the rows around it, and sits on the right-hand
    /// side where the amounts are printed, narrower than a fifth of the page.
    /// </summary>
    private static async Task AssertOverAsync(ILocator pageImage, ILocator highlight, double baseline)
    {
        // Both boxes from one evaluation: the same layout, not two moments of it.
        var handle = await highlight.ElementHandleAsync();
        var rects = await pageImage.EvaluateAsync<double[]>("""
            (on, box) => {
              const a = on.getBoundingClientRect(), b = box.getBoundingClientRect();
              return [a.x, a.y, a.width, a.height, b.x, b.y, b.width, b.height];
            }
            """, handle);
        var (onX, onY, onWidth, onHeight) = (rects[0], rects[1], rects[2], rects[3]);
        var top = (rects[5] - onY) / onHeight;
        var bottom = (rects[5] + rects[7] - onY) / onHeight;
        var left = (rects[4] - onX) / onWidth;
        var width = rects[6] / onWidth;
        var line = 14 / 842.0;
        Assert.InRange(top, baseline - line, baseline - 0.004);
        Assert.InRange(bottom, baseline - 0.002, baseline + line / 2);
        Assert.InRange(left, 0.3, 0.9);
        Assert.InRange(width, 0.02, 0.2);
    }

    [Fact]
    public async Task A_tiff_scan_is_shown_and_its_total_outlined_where_tesseract_read_it()
    {
        var (_, email) = await TenantUserAsync("Cabinet Tiff");
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/app/connexion", email, Password);
        var tiff = TestDocuments.Render(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "tiff", 200);
        Assert.Equal("II*\0"u8.ToArray(), tiff[..4]);
        await page.GetByTestId("file-input").SetInputFilesAsync(WriteFile("scan-janvier.tiff", tiff));
        await Assertions.Expect(Row(page, "scan-janvier.tiff")).ToContainTextAsync("FAC-2024-0042", new() { Timeout = 90_000 });

        await Row(page, "scan-janvier.tiff").ClickAsync();
        var image = page.Locator(".viewer-image img");
        await Assertions.Expect(image).ToBeVisibleAsync();
        // Decoded in the browser: a real picture of the page's size, not a broken image.
        Assert.InRange(await image.EvaluateAsync<int>("img => img.naturalWidth"), 1650, 1656); // A4 at 200 dpi
        await page.GetByLabel("Montant TTC").FocusAsync();
        var highlight = page.Locator("[data-testid=field-highlight][data-source=engine]");
        await Assertions.Expect(highlight).ToBeVisibleAsync();
        // "Total TTC" is line 16 of the sample: baseline 272 pt from the top.
        await AssertOverAsync(image, highlight, baseline: 272 / 842.0);
        await WebAppStack.ScreenshotAsync(page, "app-facture-tiff");
        await page.Context.CloseAsync();
    }

    /// <summary>Nothing wider than the screen: a page that scrolls sideways hides its own buttons on a phone.</summary>
    private static async Task AssertFitsWidthAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls {overflow} px sideways at {page.ViewportSize?.Width} px");
    }

    [Fact]
    public async Task On_a_390_px_phone_the_list_review_and_export_fit_the_screen()
    {
        var (_, email) = await TenantUserAsync("Cabinet Mobile");
        var page = await stack.NewPageAsync(width: 390, height: 844);
        await WebAppStack.SignInAsync(page, "/app/connexion", email, Password);
        await page.GetByTestId("file-input").SetInputFilesAsync(WriteFile("mobile.pdf", TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines)));
        await Assertions.Expect(Row(page, "mobile.pdf")).ToContainTextAsync("FAC-2024-0042", new() { Timeout = 60_000 });
        await AssertFitsWidthAsync(page);
        await WebAppStack.ScreenshotAsync(page, "app-factures");

        await Row(page, "mobile.pdf").ClickAsync();
        await Assertions.Expect(page.GetByLabel("N° de facture")).ToHaveValueAsync("FAC-2024-0042");
        await Assertions.Expect(page.Locator("canvas")).ToBeVisibleAsync();
        await page.GetByLabel("Montant TTC").FocusAsync();
        await Assertions.Expect(page.Locator("[data-testid=field-highlight][data-source=engine]")).ToBeVisibleAsync();
        await AssertFitsWidthAsync(page);
        // At 100 % the PDF page fits the screen's width instead of showing a corner of itself.
        var drawn = (await page.Locator(".viewer-canvas canvas").BoundingBoxAsync())!;
        Assert.InRange(drawn.X + drawn.Width, 300, 390);
        await WebAppStack.ScreenshotAsync(page, "app-facture-revue");

        await page.GotoAsync("/app/export");
        await Assertions.Expect(page.GetByLabel("Du")).ToBeVisibleAsync();
        await AssertFitsWidthAsync(page);
        await WebAppStack.ScreenshotAsync(page, "app-export");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Figures_drop_to_fields_for_a_text_pdf_and_a_500_invoice_list()
    {
        var (tenantId, email) = await TenantUserAsync("Cabinet Mesures");
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/app/connexion", email, Password);
        await Assertions.Expect(page.GetByTestId("count-VALIDATED")).ToContainTextAsync("0");

        var file = WriteFile("mesure.pdf", TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        var dropped = Stopwatch.StartNew();
        await page.GetByTestId("file-input").SetInputFilesAsync(file);
        await Assertions.Expect(Row(page, "mesure.pdf")).ToContainTextAsync("FAC-2024-0042", new() { Timeout = 60_000 });
        var toList = dropped.Elapsed;
        await Row(page, "mesure.pdf").ClickAsync();
        await Assertions.Expect(page.GetByLabel("N° de facture")).ToHaveValueAsync("FAC-2024-0042");
        await Assertions.Expect(page.Locator("canvas")).ToBeVisibleAsync();
        var toReview = dropped.Elapsed;

        await using (var connection = await stack.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO invoices (id, tenant_id, file_name, blob_name, media_type, file_size, source, status, uploaded_at, updated_at,
                                      ocr_token, ocr_queued_at, supplier_name, invoice_number, invoice_date, amount_ttc, currency)
                SELECT gen_random_uuid(), @tenantId, 'lot-' || n || '.pdf', 'none', 'application/pdf', 1000, 'upload',
                       (ARRAY['VALIDATED','PENDING_VALIDATION','AI_COMPLETED','EXPORTED','OCR_FAILED'])[1 + n % 5],
                       now() - make_interval(mins => n), now(), gen_random_uuid(), now(), 'Fournisseur ' || (n % 40),
                       'LOT-' || lpad(n::text, 4, '0'), DATE '2025-01-01' + n % 300, 100 + n, 'EUR'
                  FROM generate_series(1, 500) AS n
                """, new { tenantId = Guid.Parse(tenantId) });
        }
        var listed = Stopwatch.StartNew();
        await page.GotoAsync("/app/");
        await Assertions.Expect(page.GetByTestId("invoice-row")).ToHaveCountAsync(50);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" })).ToContainTextAsync("sur 501");
        var listTime = listed.Elapsed;
        await WebAppStack.ScreenshotAsync(page, "app-factures-500");
        var filtered = Stopwatch.StartNew();
        await page.GetByLabel("N° de facture").FillAsync("LOT-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoice-row")).ToHaveCountAsync(50);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" })).ToContainTextAsync("sur 100");
        var filterTime = filtered.Elapsed;
        await page.Context.CloseAsync();

        var figures = $"""
            drop → invoice number shown in the list (text-layer PDF, one file): {toList.TotalMilliseconds:F0} ms
            drop → review page with fields and the PDF page drawn: {toReview.TotalMilliseconds:F0} ms
            500-invoice tenant: navigation → first page (50 rows) and counts shown: {listTime.TotalMilliseconds:F0} ms
            search by number over 501 invoices → 50 of 100 matches shown: {filterTime.TotalMilliseconds:F0} ms
            """;
        output.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(WebAppStack.ScreenshotDirectory, "workspace-figures.txt"), figures);
    }
}
