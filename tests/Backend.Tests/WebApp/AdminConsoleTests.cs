using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Backend.Tests.WebApp;

/// <summary>
/// The admin console (/admin/) in a real Chromium against SelfHost on PostgreSQL, data seeded through the API as the
/// desktop app and the admin would make it. Each test leaves screenshots of the pages it visits under .local/screenshots/.
/// </summary>
public sealed class AdminConsoleTests(WebAppStack stack) : IClassFixture<WebAppStack>
{
    private readonly LicenseSeed _seed = new(stack);

    [Fact]
    public async Task The_bootstrap_admin_signs_in_and_sees_the_overview()
    {
        var page = await stack.NewPageAsync();
        await page.GotoAsync("/admin/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/connexion\\?retour=%2Fadmin%2F$"));
        await WebAppStack.ScreenshotAsync(page, "connexion");

        await WebAppStack.SignInAsync(page, page.Url);

        await Assertions.Expect(page).ToHaveURLAsync(stack.BaseUrl + "/admin/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vue d'ensemble" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_French_and_the_page_stays()
    {
        var page = await stack.NewPageAsync();
        await page.GotoAsync("/admin/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(WebAppStack.AdminEmail);
        await page.GetByLabel("Mot de passe").FillAsync("pas-le-bon-mot-de-passe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("E-mail ou mot de passe incorrect.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/connexion"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_chart_shows_the_figures_of_the_stats_API()
    {
        // Licenses of every kind the charts count: trials, a conversion, validations, heartbeats, a revocation.
        var email = $"stats-{Guid.NewGuid():N}@exemple.fr";
        var validationsBefore = Sum((await stack.GetJsonAsync("/api/v1/admin/stats?days=30"))["validations_per_day"]!, "count");
        var trials = new List<(string MachineId, string Key)>();
        for (var i = 0; i < 4; i++)
        {
            // At most 3 trials per email address (Licensing__MaxTrialsPerEmail): one address per machine.
            trials.Add(await _seed.TrialAsync($"{i}-{email}"));
        }
        var code = (await _seed.CodesAsync("annual", 1))[0];
        var paidKey = await _seed.ActivateAsync(trials[0].MachineId, $"0-{email}", code);
        await _seed.ValidateAsync(trials[0].MachineId, paidKey);
        await _seed.ValidateAsync(trials[1].MachineId, trials[1].Key);
        await _seed.HeartbeatAsync(trials[0].MachineId, paidKey, "2.4.1", "Windows 11 Pro");
        await _seed.HeartbeatAsync(trials[1].MachineId, trials[1].Key, "2.4.1", "macOS 15.1");
        await _seed.HeartbeatAsync(trials[2].MachineId, trials[2].Key, "2.3.0", "Windows 11 Pro");
        using (var revoke = await stack.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/admin/licenses/{trials[3].MachineId}")
        {
            Content = JsonContent.Create(new { reason = "test" }),
        }))
        {
            revoke.EnsureSuccessStatusCode();
        }
        // Validations are written in batches (Licensing__FlushIntervalMilliseconds): wait until the API counts them.
        await Eventually(async () => Sum((await stack.GetJsonAsync("/api/v1/admin/stats?days=30"))["validations_per_day"]!, "count") >= validationsBefore + 2);

        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/?jours=30");
        await Assertions.Expect(page.Locator("[data-chart-table=validations-per-day]")).ToHaveCountAsync(1);
        var stats = await stack.GetJsonAsync("/api/v1/admin/stats?days=30");

        var active = stats["licenses"]!.AsArray().Where(l => l!["status"]!.GetValue<string>() == "active").ToList();
        Assert.Equal(
            Labels(active.GroupBy(l => l!["license_type"]!.GetValue<string>()).Select(g => (TypeLabel(g.Key), g.Sum(l => l!["count"]!.GetValue<long>())))),
            await TableAsync(page, "active-by-type"));
        Assert.Equal(
            stats["trials_per_week"]!.AsArray().Select(w => $"{w!["created"]}|{w["converted"]}").ToList(),
            (await TableRowsAsync(page, "trials-per-week")).Select(r => $"{r[1]}|{r[2]}").ToList());
        Assert.Equal(
            stats["validations_per_day"]!.AsArray().Select(d => $"{FrenchDay(d!["day"]!)}|{d["count"]}").ToList(),
            (await TableRowsAsync(page, "validations-per-day")).Select(r => $"{r[0]}|{r[1]}").ToList());
        var seen = stats["machines_seen"]!;
        Assert.Equal(
            [$"24 heures|{seen["last24h"]}", $"7 jours|{seen["last7d"]}", $"30 jours|{seen["last30d"]}"],
            await TableAsync(page, "machines-seen"));
        Assert.Equal(Usage(stats["app_versions"]!), await TableAsync(page, "app-versions"));
        Assert.Equal(Usage(stats["operating_systems"]!), await TableAsync(page, "operating-systems"));
        Assert.Equal(
            stats["revocations_per_day"]!.AsArray().Select(d => $"{FrenchDay(d!["day"]!)}|{d["count"]}").ToList(),
            (await TableRowsAsync(page, "revocations-per-day")).Select(r => $"{r[0]}|{r[1]}").ToList());
        // The charts are drawn, not only their tables: one bar per value at least.
        Assert.True(await page.Locator("[data-chart=active-by-type] .recharts-bar-rectangle").CountAsync() >= 1);
        Assert.Contains(await TableAsync(page, "app-versions"), row => row.StartsWith("2.4.1|", StringComparison.Ordinal));
        await WebAppStack.ScreenshotAsync(page, "vue-ensemble");
        await AssertAccessibleAsync(page);

        var phone = await stack.NewPageAsync(width: 390, height: 844);
        await WebAppStack.SignInAsync(phone, "/admin/");
        await Assertions.Expect(phone.Locator("[data-chart-table=machines-seen]")).ToHaveCountAsync(1);
        await WebAppStack.ScreenshotAsync(phone, "vue-ensemble");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the overview scrolls sideways at phone width");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_license_is_found_shown_with_its_history_and_revoked_then_validate_answers_LICENSE_REVOKED()
    {
        var email = $"revoke-{Guid.NewGuid():N}@exemple.fr";
        var (machineId, key) = await _seed.TrialAsync(email);
        await _seed.ValidateAsync(machineId, key);
        await _seed.HeartbeatAsync(machineId, key, "2.4.1", "Windows 11 Pro");
        await _seed.TrialAsync($"other-{Guid.NewGuid():N}@exemple.fr");

        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/licenses");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("E-mail").PressAsync("Enter");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync(email);
        await WebAppStack.ScreenshotAsync(page, "licences");

        // Keyboard: the machine link is reached and opened without the mouse.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Licence {machineId}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync($"{stack.BaseUrl}/admin/licenses/{machineId}");
        await Assertions.Expect(page.GetByTestId("key-signature")).ToHaveTextAsync("Signature valide");
        await Assertions.Expect(page.GetByText("Essai démarré : 1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Heartbeat : 1")).ToBeVisibleAsync();
        // A deep link reloads into the same page.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("license-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.GetByText("Validation : 1")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await WebAppStack.ScreenshotAsync(page, "licence-detail");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Révoquer…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Révoquer cette licence ?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Motif (obligatoire)").FillAsync("Remboursement demandé");
        await WebAppStack.ScreenshotAsync(page, "licence-revocation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Révoquer la licence" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("license-status")).ToHaveTextAsync("Révoquée");
        await Assertions.Expect(page.GetByTestId("revoked-reason")).ToHaveTextAsync("Remboursement demandé");
        using var validate = await new HttpClient { BaseAddress = stack.SelfHost.BaseAddress }.PostAsJsonAsync(
            "/api/v1/licenses/validate", new { machine_id = machineId, license_key = key });
        Assert.Equal("LICENSE_REVOKED", JsonNode.Parse(await validate.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_CSV_export_holds_exactly_the_licenses_of_the_filter()
    {
        var email = $"csv-{Guid.NewGuid():N}@exemple.fr";
        var machines = new[] { (await _seed.TrialAsync(email)).MachineId, (await _seed.TrialAsync(email)).MachineId };
        await _seed.TrialAsync($"csv-other-{Guid.NewGuid():N}@exemple.fr");

        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, $"/admin/licenses?email={Uri.EscapeDataString(email)}");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Exporter en CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,machine_id,email,", lines[0], StringComparison.Ordinal);
        Assert.Equal(machines.Order(), lines[1..].Select(l => l.Split(',')[1]).Order());
        Assert.All(lines[1..], line => Assert.Equal(email, line.Split(',')[2]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Codes_generated_in_the_page_activate_a_machine_and_then_show_who_used_them()
    {
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/codes");
        await page.GetByLabel("Type de licence").SelectOptionAsync("monthly");
        await page.GetByLabel("Durée de la licence (jours)").FillAsync("31");
        await page.GetByLabel("Nombre de codes").FillAsync("3");
        var notes = $"Commande {Guid.NewGuid():N}"[..20];
        await page.GetByLabel("Notes (facultatif)").FillAsync(notes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Générer" }).ClickAsync();

        var created = page.GetByTestId("created-code");
        await Assertions.Expect(created).ToHaveCountAsync(3);
        var codes = (await created.AllTextContentsAsync()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$", c));
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Télécharger en CSV" }).ClickAsync());
        var csv = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).TrimStart('\uFEFF');
        Assert.Equal(["code,license_type,duration_days,expires_at", .. codes.Select(c => $"{c},monthly,31,")],
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var email = $"code-{Guid.NewGuid():N}@exemple.fr";
        var machineId = LicenseSeed.NewMachineId();
        var key = await _seed.ActivateAsync(machineId, email, codes[1]);
        Assert.Equal("monthly", (await _seed.ValidateAsync(machineId, key))["license_type"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Utilisés" }).ClickAsync();
        var used = page.Locator("tbody tr", new() { HasText = codes[1] });
        await Assertions.Expect(used).ToContainTextAsync("Utilisé");
        await Assertions.Expect(used).ToContainTextAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Disponibles" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = codes[0] })).ToContainTextAsync("Disponible");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = codes[1] })).ToHaveCountAsync(0);
        await WebAppStack.ScreenshotAsync(page, "codes");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Accounts_are_created_disabled_and_reset_from_the_page()
    {
        var tenant = await stack.PostJsonAsync("/api/v1/admin/tenants", new { name = "Cabinet Martin" });
        var tenantId = tenant["tenant_id"]!.GetValue<string>();
        var email = $"compta-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/accounts");

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Créer un compte" });
        await form.GetByLabel("Nom affiché").FillAsync("Claire Martin");
        await form.GetByLabel("Adresse e-mail").FillAsync(email);
        await form.GetByLabel("Identifiant du cabinet (tenant_id)").FillAsync(tenantId);
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("setup-link")).ToContainTextAsync("/app/mot-de-passe#efs_");
        var row = page.Locator("tbody tr", new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Mot de passe à définir");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Désactiver {email}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Désactivé");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Réinitialiser le mot de passe de {email}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Réinitialiser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("setup-link")).ToContainTextAsync("#efs_");
        await WebAppStack.ScreenshotAsync(page, "comptes");
        await AssertAccessibleAsync(page);

        var accounts = await stack.GetJsonAsync($"/api/v1/admin/accounts?email={Uri.EscapeDataString(email)}");
        var account = accounts["accounts"]!.AsArray().Single()!;
        Assert.NotNull(account["disabled_at"]);
        Assert.False(account["has_password"]!.GetValue<bool>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_ended_session_goes_to_sign_in_and_comes_back_to_the_same_page()
    {
        var (machineId, _) = await _seed.TrialAsync($"session-{Guid.NewGuid():N}@exemple.fr");
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, $"/admin/licenses/{machineId}");
        await Assertions.Expect(page.GetByTestId("license-status")).ToHaveTextAsync("Active");

        // The server ends the sign-in (as a logout elsewhere, a password reset or reuse detection would).
        var refreshToken = await page.EvaluateAsync<string>("sessionStorage.getItem('ef.refresh_token')");
        using (var logout = await new HttpClient { BaseAddress = stack.SelfHost.BaseAddress }.PostAsJsonAsync(
            "/api/v1/auth/logout", new { refresh_token = refreshToken }))
        {
            Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Codes d'activation" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/connexion\\?retour=%2Fadmin%2Fcodes&expiree=1$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre session a expiré");
        await WebAppStack.ScreenshotAsync(page, "session-expiree");
        await page.GetByLabel("Adresse e-mail").FillAsync(WebAppStack.AdminEmail);
        await page.GetByLabel("Mot de passe").FillAsync(WebAppStack.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{stack.BaseUrl}/admin/codes");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Codes d'activation", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 15 s");
            await Task.Delay(100);
        }
    }

    private static string FrenchDay(JsonNode day) =>
        DateOnly.ParseExact(day.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static long Sum(JsonNode array, string member) => array.AsArray().Sum(item => item![member]!.GetValue<long>());

    private static string TypeLabel(string type) => type switch
    {
        "trial" => "Essai",
        "monthly" => "Mensuelle",
        "annual" => "Annuelle",
        "lifetime" => "À vie",
        _ => type,
    };

    private static List<string> Labels(IEnumerable<(string Label, long Count)> rows) =>
        rows.Select(r => $"{r.Label}|{r.Count}").Order().ToList();

    private static List<string> Usage(JsonNode array) =>
        array.AsArray().Select(u => $"{u!["value"]}|{u["machines"]}").ToList();

    /// <summary>The rows of a chart's data table, cells joined by "|", numbers without the French thousands separator.</summary>
    private static async Task<List<string>> TableAsync(IPage page, string chart)
    {
        var rows = (await TableRowsAsync(page, chart)).Select(r => string.Join('|', r)).ToList();
        return chart == "active-by-type" ? rows.Order().ToList() : rows;
    }

    private static async Task<List<string[]>> TableRowsAsync(IPage page, string chart)
    {
        var cells = await page.Locator($"[data-chart-table={chart}] tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim().replace(/(?<=\\d)\\s(?=\\d)/g, '')))");
        return cells.ToList();
    }
}
