using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backend.Tests.Configuration;
using Backend.Tests.Infrastructure;
using Backend.Tests.Reliability;
using Microsoft.Playwright;

namespace Backend.Tests.WebApp;

/// <summary>
/// What the browser tests drive: SelfHost as a real process on a fresh PostgreSQL database, serving the built web
/// app (web/dist, built by scripts/test.sh through scripts/web.sh), and one headless Chromium (Debian's, through
/// its executable path: Playwright downloads no browser) shared by the tests of a class, each test in its own
/// browser context (cookies and storage of its own).
/// </summary>
public sealed class WebAppStack : IAsyncLifetime
{
    public const string AdminEmail = "admin@exemple.fr";
    public const string AdminPassword = "Console-admin-2026-secret";

    private readonly TestDatabase _database = new();
    private readonly string _blobRoot = Path.Combine(Path.GetTempPath(), "webapp-blobs-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public SelfHostProcess SelfHost { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The API with the admin API key, to seed data and read what the pages must show.</summary>
    public HttpClient Api { get; private set; } = null!;

    public string BaseUrl => SelfHost.BaseAddress.ToString().TrimEnd('/');

    /// <summary>The stack's database, for seeding what the API cannot make quickly (hundreds of invoices).</summary>
    public Npgsql.NpgsqlDataSource Database => _database.DataSource;

    public static string DistPath => RepositoryFiles.PathOf("web/dist");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("BACKEND_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string ScreenshotDirectory => RepositoryFiles.PathOf(".local/screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(DistPath, "index.html")))
        {
            throw new InvalidOperationException($"{DistPath} has no build: run scripts/web.sh (scripts/test.sh does) first.");
        }
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: scripts/deps.sh installs Debian's chromium package.");
        }
        await _database.InitializeAsync();
        Directory.CreateDirectory(_blobRoot);
        SelfHost = new SelfHostProcess(_database.ConnectionString, _blobRoot, new Dictionary<string, string>
        {
            ["WebApp__RootPath"] = DistPath,
            ["Accounts__BootstrapAdminEmail"] = AdminEmail,
            ["Accounts__BootstrapAdminPassword"] = AdminPassword,
            // Cheap hashes: the tests sign in many times; the cost is not what they check.
            ["Accounts__Argon2MemoryKib"] = "8192",
            ["Accounts__Argon2Iterations"] = "1",
        });
        var starting = SelfHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // --lang: the date inputs follow the browser's language (jj/mm/aaaa), as in a French person's browser.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fr-FR"],
            // On Linux Chromium takes its language from the environment, not from --lang, and needs its French
            // resources (Debian's chromium-l10n, installed by scripts/deps.sh): without both, date fields read
            // mm/dd/yyyy and the browser's own messages are in English, which no French person sees.
            Env = BrowserEnvironment(),
        });
        await starting;
        Api = new HttpClient { BaseAddress = SelfHost.BaseAddress };
        Api.DefaultRequestHeaders.Add("X-Api-Key", SelfHost.AdminApiKey);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    private static Dictionary<string, string> BrowserEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        environment["LANGUAGE"] = "fr_FR:fr";
        return environment;
    }

    /// <summary>A page in a fresh context at <paramref name="width"/> px, French, UTC, downloads accepted.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            TimezoneId = "UTC",
            AcceptDownloads = true,
            BaseURL = BaseUrl,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form of <paramref name="path"/>'s area and waits for that page.</summary>
    public static async Task SignInAsync(IPage page, string path, string email = AdminEmail, string password = AdminPassword)
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/connexion"));
        // The address changes before the signed-in page is drawn: until then a label such as "E-mail" still finds the
        // sign-in form's "Adresse e-mail", and what a test types there is lost.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
    }

    /// <summary>A full-page screenshot under .local/screenshots/, named with the width.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotDirectory, $"{name}-{width}.png"),
            FullPage = true,
        });
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonNode> PostJsonAsync(string path, object body, bool admin = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (!admin)
        {
            request.Headers.Remove("X-Api-Key");
        }
        using var response = admin ? await Api.SendAsync(request) : await AnonymousAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path}: {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text)!;
    }

    private async Task<HttpResponseMessage> AnonymousAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient { BaseAddress = SelfHost.BaseAddress };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Api?.Dispose();
        if (SelfHost is not null)
        {
            await SelfHost.DisposeAsync();
        }
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_blobRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
