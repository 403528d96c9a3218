using System.Text.RegularExpressions;
using Backend.Tests.Configuration;
using Backend.Tests.Licensing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Reliability;

/// <summary>
/// The endpoint fuzzer covers every route either host serves: SelfHost's mapped endpoints and the function apps'
/// HTTP triggers (read from their source, which does not compile here). A new route fails this test until the
/// fuzzer has a target for it.
/// </summary>
public sealed partial class FuzzedRouteCoverageTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public void Every_selfhost_route_is_fuzzed()
    {
        var served = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Strip(e.RoutePattern.RawText!)}"))
            .Distinct().Order()
            // Scalar's API reference (the page and its script) reads no input of ours: nothing to fuzz.
            .Where(route => !route.StartsWith("GET docs", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("POST v1/licenses/trial", served);
        Assert.Empty(served.Except(EndpointFuzzTests.FuzzedRoutes()));
    }

    [Fact]
    public void Every_function_app_http_trigger_is_fuzzed()
    {
        var triggers = new[] { "src/LicenseFunctions", "src/OcrFunctions" }
            .SelectMany(project => Directory.EnumerateFiles(RepositoryFiles.PathOf(project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => HttpTrigger().Matches(File.ReadAllText(file)))
            .SelectMany(match =>
            {
                var route = RouteConstant(match.Groups["route"].Value) ?? throw new InvalidOperationException($"route is not a Core constant: {match.Value}");
                return match.Groups["method"].Captures.Select(method => $"{method.Value.ToUpperInvariant()} {route}");
            })
            .Distinct().Order().ToList();

        Assert.Contains("PUT accounting/supplier-accounts", triggers);
        Assert.True(triggers.Count >= 20, string.Join("\n", triggers));
        Assert.Empty(triggers.Except(EndpointFuzzTests.FuzzedRoutes()));
    }

    /// <summary>The value of a <c>Type.Constant</c> reference to one of Core's route constants (how every trigger names its route).</summary>
    private static string? RouteConstant(string expression)
    {
        var parts = expression.Trim().Split('.');
        var type = typeof(Backend.Core.Configuration.ISettings).Assembly.GetTypes().FirstOrDefault(t => t.IsPublic && t.Name == parts[0]);
        return parts.Length == 2 && type?.GetField(parts[1]) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;
    }

    private static string Strip(string pattern) => pattern.TrimStart('/') is var path && path.StartsWith("api/", StringComparison.Ordinal) ? path[4..] : path;

    [GeneratedRegex(@"HttpTrigger\(\s*AuthorizationLevel\.\w+(?:\s*,\s*""(?<method>\w+)"")+\s*,\s*Route\s*=\s*(?<route>[^)]+?)\s*\)")]
    private static partial Regex HttpTrigger();
}
