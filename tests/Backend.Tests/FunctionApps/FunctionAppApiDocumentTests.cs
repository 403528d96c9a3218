using System.Text.Json.Nodes;
using Backend.Tests.Configuration;
using Backend.Tests.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Backend.Tests.Configuration.ConfigurationSources;
using static Backend.Tests.FunctionApps.FunctionAppHosts;

namespace Backend.Tests.FunctionApps;

/// <summary>
/// Each function app serves, at <c>GET /api/openapi.json</c>, the OpenAPI document of its own routes: SelfHost's
/// document cut to them (<see cref="FunctionAppApiDocument"/>), committed as <c>src/{app}/openapi.json</c> and
/// embedded at build. Run with <c>UPDATE_API_DOCUMENTS=1</c> to rewrite the committed files after an API change.
/// </summary>
public sealed class FunctionAppApiDocumentTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public async Task The_committed_document_is_SelfHost_s_document_cut_to_the_app_s_routes(App app)
    {
        var selfHost = JsonNode.Parse(await host.Client.GetStringAsync("/api/openapi.json"))!.AsObject();
        var generated = FunctionAppApiDocument.Generate(app, selfHost);
        var path = FunctionAppApiDocument.PathOf(app);
        if (Environment.GetEnvironmentVariable("UPDATE_API_DOCUMENTS") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        Assert.True(File.Exists(path) && await File.ReadAllTextAsync(path) == generated,
            $"{path} differs from SelfHost's document cut to the app's routes: run `UPDATE_API_DOCUMENTS=1 dotnet test tests/Backend.Tests "
            + "--filter FullyQualifiedName~FunctionAppApiDocumentTests`, rebuild, and commit the result.");
    }

    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public void The_embedded_document_lists_exactly_the_operations_the_app_serves(App app)
    {
        var document = JsonNode.Parse(EmbeddedText(app))!.AsObject();

        var served = FunctionAppApiDocument.ServedOperations(app);
        Assert.True(served.Count >= 10, string.Join("\n", served));
        Assert.Equal(served.Order(StringComparer.Ordinal), FunctionAppApiDocument.Operations(document).Order(StringComparer.Ordinal));
        Assert.Equal(FunctionAppApiDocument.Titles[app], document["info"]!["title"]!.GetValue<string>());
        Assert.Contains("apiKey", document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key));
    }

    [Fact]
    public void The_two_documents_split_the_routes_and_share_only_health()
    {
        var license = FunctionAppApiDocument.Operations(JsonNode.Parse(EmbeddedText(App.License))!.AsObject());
        var ocr = FunctionAppApiDocument.Operations(JsonNode.Parse(EmbeddedText(App.Ocr))!.AsObject());

        Assert.Equal(["GET /api/health"], license.Intersect(ocr));
        Assert.Contains("POST /api/v1/licenses/validate", license);
        Assert.Contains("POST /api/invoices", ocr);
    }

    [Theory]
    [InlineData(LicenseApp, App.License)]
    [InlineData(OcrApp, App.Ocr)]
    public async Task The_function_answers_the_embedded_document_as_json(string appName, App app)
    {
        using var functionHost = Build(appName, SampleSettings());
        using var scope = functionHost.Services.CreateScope();
        var type = FunctionClasses(appName).Single(t => t.Name == "ApiDocumentFunction");
        var function = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();

        var result = (IResult)type.GetMethod("Run")!.Invoke(function, [context.Request])!;
        await result.ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(FunctionAppApiDocument.PathOf(app)), ((MemoryStream)context.Response.Body).ToArray());
    }

    private static string EmbeddedText(App app)
    {
        var assembly = Assemblies[app == App.License ? LicenseApp : OcrApp];
        using var stream = assembly.GetManifestResourceStream(Backend.Core.Http.EmbeddedApiDocument.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
