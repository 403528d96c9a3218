using System.Net;
using System.Text.Json;
using Backend.Tests.Licensing;

namespace Backend.Tests.Telemetry;

/// <summary><c>GET /api/docs</c>: the interactive reference, served whole by SelfHost (no CDN), over the OpenAPI document.</summary>
public sealed class ApiDocsTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task The_docs_page_and_its_script_are_served_and_point_at_the_openapi_document()
    {
        using var page = await host.Client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        // Relative to the app's base path, which the page's script resolves (hosting under a sub-path keeps working).
        Assert.Contains("\"url\":\"api/openapi.json\"", html);

        var script = System.Text.RegularExpressions.Regex.Match(html, @"src=""([^""]*scalar[^""]*\.js)""").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(script), html);
        Assert.DoesNotContain("://", script);
        using var js = await host.Client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), script).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.True((await js.Content.ReadAsByteArrayAsync()).Length > 100_000);

        // What the page renders: every route of the API, with the security schemes it offers to fill in.
        using var document = await host.Client.GetAsync("/api/openapi.json");
        var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement;
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/licenses/validate", paths);
        Assert.Contains("/api/invoices", paths);
        Assert.Contains("/api/sage/export", paths);
        Assert.True(json.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
    }
}
