using System.Text.Json.Nodes;
using Backend.Tests.Infrastructure;
using Backend.Tests.Reliability;
using Backend.Tests.WebApp;
using Microsoft.Playwright;

namespace Backend.Tests.Telemetry;

/// <summary>
/// <c>/api/docs</c> in a real browser (Debian's Chromium through Playwright) against SelfHost as a process: Scalar's
/// script runs, fetches the OpenAPI document and renders an entry for every operation of it.
/// </summary>
public sealed class ApiDocsBrowserTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _blobRoot = Directory.CreateTempSubdirectory("api-docs-blobs-").FullName;
    private SelfHostProcess _selfHost = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _selfHost = new SelfHostProcess(_database.ConnectionString, _blobRoot, new Dictionary<string, string> { ["WebApp__RootPath"] = "" });
        await _selfHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebAppStack.ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _selfHost.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_blobRoot, recursive: true);
    }

    [Fact]
    public async Task The_docs_page_renders_every_operation_of_the_openapi_document()
    {
        using var http = new HttpClient { BaseAddress = _selfHost.BaseAddress };
        var document = JsonNode.Parse(await http.GetStringAsync("/api/openapi.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Method: operation.Key.ToUpperInvariant(), Path: path.Key)))
            .ToList();
        Assert.True(operations.Count >= 60, $"{operations.Count} operations");
        var page = await (await _browser.NewContextAsync(new() { BaseURL = _selfHost.BaseAddress.ToString() })).NewPageAsync();
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);

        await page.GotoAsync("/api/docs");

        // Scalar lists the operations in its sidebar, one group per tag, each entry labelled with its HTTP method;
        // groups start closed: open them all, then every operation of the document must have its entry.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
        var tags = document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        foreach (var tag in tags)
        {
            var open = page.GetByRole(AriaRole.Button, new() { Name = "Open Group - " + tag, Exact = true });
            if (await open.CountAsync() > 0)
            {
                await open.First.ClickAsync();
            }
        }
        var text = await page.Locator("body").InnerTextAsync();
        var entries = System.Text.RegularExpressions.Regex.Matches(text, "HTTP METHOD:").Count;
        Assert.True(entries >= operations.Count, $"{entries} sidebar entries for {operations.Count} operations:\n{text[..Math.Min(4000, text.Length)]}");
        Assert.All(tags, tag => Assert.Contains(tag, text));
        Assert.Contains("/api/health", text);
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }
}
