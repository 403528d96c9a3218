using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Licensing;

public sealed class OpenApiTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task The_document_lists_exactly_the_routes_the_host_serves()
    {
        var response = await host.Client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Json.ReadAsync(response);
        Assert.StartsWith("3.", document.Str("openapi"));
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .Order().ToList();

        var served = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order().ToList();

        Assert.Equal(served, documented);
        Assert.Contains("POST /api/v1/licenses/validate", documented);
        Assert.Contains("DELETE /api/v1/admin/licenses/{machineId}", documented);
    }

    [Fact]
    public async Task License_schemas_are_described_in_snake_case()
    {
        var document = await Json.ReadAsync(await host.Client.GetAsync("/api/openapi.json"));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var issued = schemas.GetProperty("LicenseIssuedResponse").GetProperty("properties");
        Assert.True(issued.TryGetProperty("license_key", out _), issued.ToString());
        Assert.True(issued.TryGetProperty("days_remaining", out _));
        var trial = schemas.GetProperty("TrialRequest").GetProperty("properties");
        Assert.True(trial.TryGetProperty("machine_id", out _), trial.ToString());
    }
}
