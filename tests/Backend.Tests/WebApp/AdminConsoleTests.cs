using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Backend.Tests.WebApp;

/// <summary>
/// The admin console (/admin/) in a real Chromium against SelfHost on PostgreSQL, data seeded through the API as the
/// desktop app and the admin would make it. Each test leaves screenshots of the pages it visits under .local/screenshots/.
/// </summary>
public sealed class AdminConsoleTests(WebAppStack stack, ITestOutputHelper output) : IClassFixture<WebAppStack>
{
    /// <summary>What the JS of the overview may weigh, gzip-compressed: generous, to catch a bundle that doubles, not to count bytes.</summary>
    private const long OverviewJsGzipBudget = 400 * 1024;

    /// <summary>
    /// Every chart of the overview shows its data: the seven chart cards are there and each has drawn its bars or its
    /// line (the charts draw without animation, so the first shape drawn is the final one).
    /// </summary>
    private const string OverviewDrawn = """
        () => {
          const cards = [...document.querySelectorAll('[data-chart]')];
          return cards.length === 7 && cards.every(c => c.querySelector('.recharts-bar-rectangle, .recharts-line-curve'))
            && document.querySelector('[data-kpi=active]') !== null;
        }
        """;

    private readonly LicenseSeed _seed = new(stack);

    [Fact]
    public async Task Figures_gzip_size_of_the_overviews_JavaScript_and_time_to_a_usable_overview()
    {
        // Something in every chart: a trial validated and seen by heartbeat, and a revocation.
        var email = $"mesure-{Guid.NewGuid():N}@exemple.fr";
        var (machineId, key) = await _seed.TrialAsync(email);
        var validationsBefore = Sum((await stack.GetJsonAsync("/api/v1/admin/stats?days=30"))["validations_per_day"]!, "count");
        await _seed.ValidateAsync(machineId, key);
        await _seed.HeartbeatAsync(machineId, key, "2.4.1", "Windows 11 Pro");
        var (revokedId, _) = await _seed.TrialAsync($"r-{email}");
        using (var revoke = await stack.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/admin/licenses/{revokedId}")
        {
            Content = JsonContent.Create(new { reason = "mesure" }),
        }))
        {
            revoke.EnsureSuccessStatusCode();
        }
        await Eventually(async () => Sum((await stack.GetJsonAsync("/api/v1/admin/stats?days=30"))["validations_per_day"]!, "count") > validationsBefore);

        // Each load in a fresh browser context (an empty cache, as a person opening the console in the morning) with a
        // session of its own handed over in sessionStorage, as a reload of a signed-in tab has it. The first load also
        // pays for the server's first refresh and stats requests since it started (JIT): it is reported, the second
        // is the figure.
        var first = await OpenOverviewInAFreshBrowserAsync(screenshot: null);
        var second = await OpenOverviewInAFreshBrowserAsync(screenshot: "vue-ensemble-mesure");

        // The JavaScript the overview loaded, each file gzip-compressed as a server or CDN would send it.
        var loaded = second.Scripts;
        Assert.NotEmpty(loaded);
        var files = loaded.Select(path => new FileInfo(Path.Combine(WebAppStack.DistPath, path.TrimStart('/')))).ToList();
        Assert.All(files, f => Assert.True(f.Exists, $"{f.FullName}: the page loaded a script that is not in web/dist"));
        var raw = files.Sum(f => f.Length);
        var gzip = files.Sum(f => GzipSize(f.FullName));
        var everyScript = Directory.GetFiles(WebAppStack.DistPath, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal)).ToArray();
        var everyGzip = everyScript.Sum(GzipSize);

        var figures = $"""
            admin overview, JavaScript loaded ({files.Count} file(s) from web/dist: {string.Join(", ", loaded)}): {raw / 1024.0:F1} KiB, gzip {gzip / 1024.0:F1} KiB
            whole build, every .js/.mjs of web/dist ({everyScript.Length} files, invoice workspace, PDF viewer and its worker included): gzip {everyGzip / 1024.0:F1} KiB
            signed-in navigation to /admin/ → all 7 charts drawn with their data, empty browser cache: {second.Cold.TotalMilliseconds:F0} ms (reload with the browser cache: {second.Warm.TotalMilliseconds:F0} ms)
              browser timeline from navigation start: {second.Timeline}
            the same, first load after the server started: {first.Cold.TotalMilliseconds:F0} ms (reload: {first.Warm.TotalMilliseconds:F0} ms)
              browser timeline from navigation start: {first.Timeline}
            """;
        output.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(WebAppStack.ScreenshotDirectory, "console-figures.txt"), figures);
        Assert.True(gzip < OverviewJsGzipBudget, $"the overview's JavaScript weighs {gzip / 1024.0:F1} KiB gzip, over the {OverviewJsGzipBudget / 1024} KiB budget");
    }

    /// <summary>
    /// Signs in, hands the session to a fresh context and times the navigation to /admin/ until every chart is drawn,
    /// then a reload; with the scripts the page loaded and the browser's own timeline of the load.
    /// </summary>
    private async Task<(TimeSpan Cold, TimeSpan Warm, List<string> Scripts, string Timeline)> OpenOverviewInAFreshBrowserAsync(string? screenshot)
    {
        var signIn = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(signIn, "/admin/codes");
        var refreshToken = await signIn.EvaluateAsync<string>("sessionStorage.getItem('ef.refresh_token')");
        var account = await signIn.EvaluateAsync<string>("sessionStorage.getItem('ef.account')");
        await signIn.Context.CloseAsync();

        var page = await stack.NewPageAsync();
        await page.Context.AddInitScriptAsync($$"""
            if (!sessionStorage.getItem('ef.refresh_token')) {
              sessionStorage.setItem('ef.refresh_token', {{JsonSerializer.Serialize(refreshToken)}});
              sessionStorage.setItem('ef.account', {{JsonSerializer.Serialize(account)}});
            }
            """);
        var scripts = new HashSet<string>(StringComparer.Ordinal);
        page.Response += (_, response) =>
        {
            // By name, not by resource type: module preloads are scripts too.
            var path = new Uri(response.Url).AbsolutePath;
            if (path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal))
            {
                lock (scripts)
                {
                    scripts.Add(path);
                }
            }
        };
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/admin/");
        await page.WaitForFunctionAsync(OverviewDrawn);
        var cold = clock.Elapsed;
        Assert.Equal($"{stack.BaseUrl}/admin/", page.Url);
        // Where the time went, as the browser timed it: the document, then each API call the overview waited for.
        var timeline = await page.EvaluateAsync<string>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const api = performance.getEntriesByType('resource').filter(r => r.name.includes('/api/'))
                .map(r => `${new URL(r.name).pathname} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)} ms`);
              return `DOMContentLoaded ${Math.round(nav.domContentLoadedEventEnd)} ms; ` + api.join('; ');
            }
            """);
        if (screenshot is not null)
        {
            await WebAppStack.ScreenshotAsync(page, screenshot);
        }
        clock.Restart();
        await page.ReloadAsync();
        await page.WaitForFunctionAsync(OverviewDrawn);
        var warm = clock.Elapsed;
        await page.Context.CloseAsync();
        lock (scripts)
        {
            return (cold, warm, scripts.Order(StringComparer.Ordinal).ToList(), timeline);
        }
    }

    [Fact]
    public async Task A_license_is_found_opened_and_revoked_with_the_keyboard_alone_focus_always_visible()
    {
        var email = $"clavier-{Guid.NewGuid():N}@exemple.fr";
        var (machineId, key) = await _seed.TrialAsync(email);
        await _seed.TrialAsync($"autre-{Guid.NewGuid():N}@exemple.fr");
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/licenses");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Licences", Exact = true })).ToBeVisibleAsync();

        // From the top of the page: the skip link, then into the content up to the e-mail field.
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAsync(page, "a.skip-link");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "input[name=email]");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync(email);

        await TabToAsync(page, $"tbody a[aria-label^='Licence {machineId}']");
        await WebAppStack.ScreenshotAsync(page, "clavier-licences");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync($"{stack.BaseUrl}/admin/licenses/{machineId}?produit=easyfacture");
        await Assertions.Expect(page.GetByTestId("license-status")).ToHaveTextAsync("Active");

        await TabToAsync(page, "button.button-danger");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Révoquer…" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Révoquer cette licence ?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        // The dialog takes the focus to its first field: the reason is typed straight away.
        await Assertions.Expect(dialog.GetByLabel("Motif (obligatoire)")).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync("Fraude signalée par la banque");
        await TabToAsync(page, "dialog button[type=submit]", max: 3);
        await WebAppStack.ScreenshotAsync(page, "clavier-revocation");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("license-status")).ToHaveTextAsync("Révoquée");
        await Assertions.Expect(page.GetByTestId("revoked-reason")).ToHaveTextAsync("Fraude signalée par la banque");
        // The button that opened the dialog is gone: the focus goes to the message saying what happened, not to the
        // top of the document, so the next Tab continues from here.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Licence révoquée" })).ToBeFocusedAsync();
        await WebAppStack.ScreenshotAsync(page, "clavier-revoquee");
        using var validate = await new HttpClient { BaseAddress = stack.SelfHost.BaseAddress }.PostAsJsonAsync(
            "/api/v1/licenses/validate", new { machine_id = machineId, license_key = key });
        Assert.Equal("LICENSE_REVOKED", JsonNode.Parse(await validate.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/>; every element the focus crosses must show it.</summary>
    private static async Task TabToAsync(IPage page, string selector, int max = 40)
    {
        for (var presses = 0; presses < max; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"{max} presses of Tab never reached {selector}; the focus is on {await FocusedAsync(page)}");
    }

    private static async Task AssertFocusedAsync(IPage page, string selector)
    {
        Assert.True(await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector),
            $"the focus is on {await FocusedAsync(page)}, not on {selector}");
        await AssertFocusVisibleAsync(page);
    }

    /// <summary>The focused element draws a focus ring: an outline that is neither none nor zero wide, and not transparent.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string[]>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return ['body', '', '', ''];
              const s = getComputedStyle(e);
              return [e.tagName, s.outlineStyle, s.outlineWidth, s.outlineColor];
            }
            """);
        Assert.True(outline[1] is not ("none" or "") && outline[2] != "0px" && outline[3] is not ("transparent" or "rgba(0, 0, 0, 0)"),
            $"no visible focus on {await FocusedAsync(page)}: outline {outline[1]} {outline[2]} {outline[3]}");
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'nothing'; }");

    private static long GzipSize(string path)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            using var file = File.OpenRead(path);
            file.CopyTo(gzip);
        }
        return compressed.Length;
    }

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
        await Assertions.Expect(page).ToHaveURLAsync($"{stack.BaseUrl}/admin/licenses/{machineId}?produit=easyfacture");
        await Assertions.Expect(page.GetByTestId("key-signature")).ToHaveTextAsync("Signature valide");
        await Assertions.Expect(page.GetByText("Essai démarré : 1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Signal de vie : 1")).ToBeVisibleAsync();
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
        Assert.Equal(["code,product,license_type,duration_days,expires_at", .. codes.Select(c => $"{c},easyfacture,monthly,31,")],
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
        var tenantName = $"Cabinet Martin {Guid.NewGuid():N}"[..22];
        var tenant = await stack.PostJsonAsync("/api/v1/admin/tenants", new { name = tenantName });
        var tenantId = tenant["tenant_id"]!.GetValue<string>();
        var email = $"compta-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/accounts");

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Créer un compte" });
        await form.GetByLabel("Nom affiché").FillAsync("Claire Martin");
        await form.GetByLabel("Adresse e-mail").FillAsync(email);
        // The firm is chosen by its name, from the firms the API lists.
        await form.Locator("select[name=tenant_id]").SelectOptionAsync(new SelectOptionValue { Label = tenantName });
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("setup-link")).ToContainTextAsync("/app/mot-de-passe#efs_");
        var row = page.Locator("tbody tr", new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Mot de passe à définir");
        await Assertions.Expect(row).ToContainTextAsync(tenantName);
        var created = await stack.GetJsonAsync($"/api/v1/admin/accounts?email={Uri.EscapeDataString(email)}");
        Assert.Equal(tenantId, created["accounts"]![0]!["tenant_id"]!.GetValue<string>());

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

    [Fact]
    public async Task The_product_selector_shows_exactly_the_figures_the_API_gives_for_that_product()
    {
        var name = $"Devis Express {Guid.NewGuid():N}"[..20];
        var product = await _seed.ProductAsync(name);
        var email = $"produit-{Guid.NewGuid():N}@exemple.fr";
        // Two products: a machine with both, one with the other product only, one with the default product only.
        var shared = await _seed.TrialAsync($"a-{email}");
        var both = await _seed.TrialAsync($"b-{email}", product, shared.MachineId);
        var only = await _seed.TrialAsync($"c-{email}", product);
        await _seed.TrialAsync($"d-{email}");
        await _seed.HeartbeatAsync(both.MachineId, both.Key, "7.1.0", "Windows 11 Pro", product);
        await _seed.HeartbeatAsync(only.MachineId, only.Key, "7.0.2", "macOS 15.1", product);
        await _seed.HeartbeatAsync(shared.MachineId, shared.Key, "2.4.1", "Windows 11 Pro");

        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/?jours=30");
        await Assertions.Expect(page.Locator("[data-table=products-summary] tbody tr[data-product=" + product + "]")).ToHaveCountAsync(1);
        var everyProduct = await stack.GetJsonAsync("/api/v1/admin/stats?days=30");
        await AssertFiguresAsync(page, everyProduct);

        // Keyboard: the select is reached and changed without the mouse (type-ahead on the product's name).
        var selector = page.GetByLabel("Produit", new() { Exact = true });
        await selector.FocusAsync();
        await page.Keyboard.TypeAsync("Devis Express");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"produit={product}"));
        await Assertions.Expect(page.Locator("[data-table=products-summary] tbody tr")).ToHaveCountAsync(1);
        var stats = await stack.GetJsonAsync($"/api/v1/admin/stats?days=30&product={product}");
        Assert.Equal(["7.0.2|1", "7.1.0|1"], Usage(stats["app_versions"]!).Order());
        await AssertFiguresAsync(page, stats);
        await Assertions.Expect(page.GetByText($"Produit {name}, depuis le")).ToBeVisibleAsync();
        await WebAppStack.ScreenshotAsync(page, "vue-ensemble-produit");
        await AssertAccessibleAsync(page);

        // The licenses of that product, and its column; the shared machine opens on either product.
        await page.GetByRole(AriaRole.Link, new() { Name = "Licences", Exact = true }).ClickAsync();
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filtrer les licences" });
        await filters.GetByLabel("Produit").SelectOptionAsync(product);
        await filters.GetByLabel("E-mail").FillAsync($"b-{email}");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr td[data-key=product]")).ToHaveTextAsync(name);
        await page.Locator("tbody tr").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("license-product")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Licences de cette machine" })).ToContainTextAsync("EasyFacture");
        await WebAppStack.ScreenshotAsync(page, "licence-detail-produits");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Licences de cette machine" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("license-product")).ToHaveTextAsync("EasyFacture");
        await page.Context.CloseAsync();

        async Task AssertFiguresAsync(IPage shown, JsonNode expected)
        {
            var licenses = expected["licenses"]!.AsArray();
            long Of(string status) => licenses.Where(l => l!["status"]!.GetValue<string>() == status).Sum(l => l!["count"]!.GetValue<long>());
            await Assertions.Expect(shown.Locator("[data-kpi=active]")).ToHaveTextAsync(Figure(Of("active")));
            await Assertions.Expect(shown.Locator("[data-kpi=revoked]")).ToHaveTextAsync(Figure(Of("revoked")));
            await Assertions.Expect(shown.Locator("[data-kpi=trials]")).ToHaveTextAsync(Figure(Sum(expected["trials_per_week"]!, "created")));
            await Assertions.Expect(shown.Locator("[data-kpi=converted]")).ToHaveTextAsync(Figure(Sum(expected["trials_per_week"]!, "converted")));
            await Assertions.Expect(shown.Locator("[data-kpi=seen24h]")).ToHaveTextAsync(Figure(expected["machines_seen"]!["last24h"]!.GetValue<long>()));
            var seen = expected["machines_seen"]!;
            Assert.Equal([$"24 heures|{seen["last24h"]}", $"7 jours|{seen["last7d"]}", $"30 jours|{seen["last30d"]}"], await TableAsync(shown, "machines-seen"));
            Assert.Equal(Usage(expected["app_versions"]!), await TableAsync(shown, "app-versions"));
            Assert.Equal(Usage(expected["operating_systems"]!), await TableAsync(shown, "operating-systems"));
            var active = licenses.Where(l => l!["status"]!.GetValue<string>() == "active").ToList();
            Assert.Equal(
                Labels(active.GroupBy(l => l!["license_type"]!.GetValue<string>()).Select(g => (TypeLabel(g.Key), g.Sum(l => l!["count"]!.GetValue<long>())))),
                await TableAsync(shown, "active-by-type"));
            foreach (var row in expected["products"]!.AsArray())
            {
                var cells = shown.Locator($"[data-table=products-summary] tr[data-product={row!["product"]}]");
                var activeOf = row["licenses"]!.AsArray().Where(l => l!["status"]!.GetValue<string>() == "active").ToList();
                foreach (var type in new[] { "trial", "monthly", "annual", "lifetime" })
                {
                    await Assertions.Expect(cells.Locator($"td[data-key={type}]")).ToHaveTextAsync(
                        Figure(activeOf.Where(l => l!["license_type"]!.GetValue<string>() == type).Sum(l => l!["count"]!.GetValue<long>())));
                }
                await Assertions.Expect(cells.Locator("td[data-key=trials]")).ToHaveTextAsync(Figure(row["trials_started"]!.GetValue<long>()));
                await Assertions.Expect(cells.Locator("td[data-key=converted]")).ToHaveTextAsync(Figure(row["trials_converted"]!.GetValue<long>()));
                await Assertions.Expect(cells.Locator("td[data-key=machines]")).ToHaveTextAsync(Figure(row["machines_seen_30d"]!.GetValue<long>()));
            }
        }
    }

    [Fact]
    public async Task A_product_is_created_its_release_published_and_its_adoption_shown_as_the_API_counts_it()
    {
        var code = "p" + Guid.NewGuid().ToString("N")[..10];
        var name = $"Caisse {code[1..7]}";
        var page = await stack.NewPageAsync();
        await WebAppStack.SignInAsync(page, "/admin/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Produits", Exact = true }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Nouveau produit" });
        await form.GetByLabel("Code").FillAsync(code);
        await form.GetByLabel("Nom").FillAsync(name);
        await form.GetByLabel("Durée d'essai (jours)").FillAsync("21");
        await form.GetByLabel("À vie").UncheckAsync();
        await form.GetByLabel("URL de renouvellement (facultatif)").FillAsync("https://exemple.fr/caisse");
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer le produit" }).ClickAsync();
        var row = page.Locator($"[data-table=products] tr[data-product={code}]");
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("21 j");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Modifier {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Modifier {name}" });
        await dialog.GetByLabel("Durée d'essai (jours)").FillAsync("45");
        await WebAppStack.ScreenshotAsync(page, "produit-modification");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("45 j");
        var created = (await stack.GetJsonAsync("/api/v1/admin/products"))["products"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == code)!;
        Assert.Equal(45, created["trial_days"]!.GetValue<int>());
        Assert.Equal(["trial", "monthly", "annual"], created["license_types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("https://exemple.fr/caisse", created["renewal_url"]!.GetValue<string>());
        await WebAppStack.ScreenshotAsync(page, "produits");
        await AssertAccessibleAsync(page);

        // Codes of that product from the codes page: its types only, listed under its name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Codes d'activation" }).ClickAsync();
        var generate = page.GetByRole(AriaRole.Form, new() { Name = "Générer des codes" });
        await generate.GetByLabel("Produit").SelectOptionAsync(code);
        Assert.Equal(["trial", "monthly", "annual"], await generate.GetByLabel("Type de licence").Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        await generate.GetByLabel("Type de licence").SelectOptionAsync("annual");
        await generate.GetByLabel("Nombre de codes").FillAsync("2");
        await generate.GetByRole(AriaRole.Button, new() { Name = "Générer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("created-code")).ToHaveCountAsync(2);
        await page.Locator("#codes-product").SelectOptionAsync(code);
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tbody td[data-key=product]").First).ToHaveTextAsync(name);
        var listed = await stack.GetJsonAsync($"/api/v1/admin/activation-codes?product={code}");
        Assert.Equal(2, listed["codes"]!.AsArray().Count);

        await page.GetByRole(AriaRole.Link, new() { Name = "Versions", Exact = true }).ClickAsync();
        await page.GetByLabel("Produit", new() { Exact = true }).SelectOptionAsync(code);
        await Assertions.Expect(page.GetByText($"Aucune version publiée pour {name}.")).ToBeVisibleAsync();
        foreach (var version in new[] { "1.0.0", "1.1.0" })
        {
            var publish = page.GetByRole(AriaRole.Form, new() { Name = "Publier une version" });
            await Assertions.Expect(publish.GetByLabel("Produit")).ToHaveValueAsync(code);
            await publish.GetByLabel("Version", new() { Exact = true }).FillAsync(version);
            await publish.GetByLabel("Adresse de téléchargement (https)").FillAsync($"https://telechargement.exemple.fr/caisse-{version}.msi");
            await publish.GetByLabel("Empreinte SHA-256 du fichier").FillAsync(new string('a', 64));
            await publish.GetByLabel("Taille (octets)").FillAsync("1048576");
            await publish.GetByLabel("Part des machines (%)").FillAsync(version == "1.1.0" ? "50" : "100");
            await publish.GetByLabel("Notes de version (facultatif)").FillAsync($"Nouveautés de la {version}");
            await publish.GetByRole(AriaRole.Button, new() { Name = "Publier la version" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Version {version} de {name} publiée");
        }
        await Assertions.Expect(page.Locator("[data-table=releases] tbody tr")).ToHaveCountAsync(2);

        // Machines report versions by heartbeat; one older than any release still counts among the product's machines.
        foreach (var version in new[] { "1.1.0", "1.1.0", "1.0.0", "0.9.0" })
        {
            var trial = await _seed.TrialAsync($"v-{Guid.NewGuid():N}@exemple.fr", code);
            await _seed.HeartbeatAsync(trial.MachineId, trial.Key, version, "Windows 11 Pro", code);
        }
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-chart-table=release-adoption]")).ToHaveCountAsync(1);
        var releases = (await stack.GetJsonAsync($"/api/v1/admin/releases?product={code}"))["releases"]!.AsArray();
        Assert.Equal([("1.1.0", 2L, 4L), ("1.0.0", 1L, 4L)],
            releases.Select(r => (r!["version"]!.GetValue<string>(), r["machines"]!.GetValue<long>(), r["product_machines"]!.GetValue<long>())));
        var rows = await page.Locator("[data-table=releases] tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => ['rollout', 'machines_7d', 'share_7d', 'machines', 'share'].map(k => r.querySelector(`[data-key=${k}]`).textContent.trim()))");
        Assert.Equal(
            releases.Select(r => new[]
            {
                $"{r!["rollout_percent"]} %", $"{r["machines_7d"]}", Share(r["machines_7d"]!, r["product_machines_7d"]!),
                $"{r["machines"]}", Share(r["machines"]!, r["product_machines"]!),
            }).ToList(),
            rows.ToList());
        Assert.Equal(["1.1.0|2|2|50 %", "1.0.0|1|1|25 %"], await TableAsync(page, "release-adoption"));
        Assert.True(await page.Locator("[data-chart=release-adoption] .recharts-bar-rectangle").CountAsync() >= 2);
        await Assertions.Expect(page.Locator("[data-chart=release-adoption] .chart-summary")).ToContainTextAsync($"4 machines de {name} vues sur 30 jours");
        await WebAppStack.ScreenshotAsync(page, "versions");
        await AssertAccessibleAsync(page);

        // Widening the rollout from the table.
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer le déploiement de la version 1.1.0 (Stable)" }).ClickAsync();
        var rollout = page.GetByRole(AriaRole.Dialog, new() { Name = "Déploiement de la version 1.1.0" });
        await rollout.GetByLabel("Part des machines (%)").FillAsync("80");
        await rollout.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-table=releases] tr[data-version='1.1.0'] [data-key=rollout]")).ToHaveTextAsync("80 %");
        await page.Context.CloseAsync();

        static string Share(JsonNode part, JsonNode whole) => whole.GetValue<long>() == 0 ? "—"
            : $"{Math.Round(part.GetValue<long>() * 1000.0 / whole.GetValue<long>(), MidpointRounding.AwayFromZero) / 10:0.#} %".Replace('.', ',');
    }

    [Fact]
    public async Task Every_admin_page_reads_at_phone_width_without_sideways_scrolling()
    {
        var (machineId, key) = await _seed.TrialAsync($"phone-{Guid.NewGuid():N}@exemple.fr");
        await _seed.HeartbeatAsync(machineId, key, "2.4.1", "Windows 11 Pro");
        var product = await _seed.ProductAsync("Logiciel de caisse mobile");
        await stack.PostJsonAsync("/api/v1/admin/releases", new
        {
            product, version = "3.2.0", url = "https://telechargement.exemple.fr/caisse-3.2.0.msi", sha256 = new string('b', 64), size = 2048,
        });
        await _seed.CodesAsync("annual", 1);
        var phone = await stack.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/admin/connexion");
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await CheckAsync("connexion");
        await WebAppStack.SignInAsync(phone, "/admin/");
        foreach (var (path, name, ready) in new[]
        {
            ("/admin/", "vue-ensemble", "[data-chart=machines-seen]"),
            ("/admin/licenses", "licences", "tbody tr"),
            ($"/admin/licenses/{machineId}", "licence-detail", "[data-testid=key-signature]"),
            ("/admin/codes", "codes", "tbody tr"),
            ("/admin/accounts", "comptes", "tbody tr"),
            ("/admin/products", "produits", "[data-table=products] tbody tr"),
            ($"/admin/releases?produit={product}", "versions", "[data-table=releases] tbody tr"),
        })
        {
            await phone.GotoAsync(path);
            await Assertions.Expect(phone.Locator(ready).First).ToBeVisibleAsync();
            await CheckAsync(name);
        }
        var refreshToken = await phone.EvaluateAsync<string>("sessionStorage.getItem('ef.refresh_token')");
        using (var logout = await new HttpClient { BaseAddress = stack.SelfHost.BaseAddress }.PostAsJsonAsync("/api/v1/auth/logout", new { refresh_token = refreshToken }))
        {
            Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        }
        await phone.GetByRole(AriaRole.Link, new() { Name = "Codes d'activation" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/admin/connexion\\?retour=%2Fadmin%2Fcodes&expiree=1$"));
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre session a expiré");
        await CheckAsync("session-expiree");
        await phone.Context.CloseAsync();

        async Task CheckAsync(string name)
        {
            await WebAppStack.ScreenshotAsync(phone, name);
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways at 390 px");
        }
    }

    private static string Figure(long value) => value.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

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
