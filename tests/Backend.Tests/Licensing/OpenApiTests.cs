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

    [Fact]
    public async Task Both_security_schemes_are_declared_and_each_route_names_what_it_takes()
    {
        var document = await Json.ReadAsync(await host.Client.GetAsync("/api/openapi.json"));

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("apiKey").Str("type"));
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").Str("name"));
        Assert.Equal("http", schemes.GetProperty("bearer").Str("type"));
        Assert.Equal("bearer", schemes.GetProperty("bearer").Str("scheme"));
        Assert.Equal("JWT", schemes.GetProperty("bearer").Str("bearerFormat"));

        string[] Security(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Order().ToArray()
                : [];
        Assert.Equal(["apiKey", "bearer"], Security("/api/v1/admin/accounts", "post"));
        Assert.Equal(["apiKey", "bearer"], Security("/api/v1/admin/stats", "get"));
        Assert.Equal(["apiKey", "bearer"], Security("/api/invoices/{id}", "get"));
        Assert.Equal(["bearer"], Security("/api/v1/auth/password/change", "post"));
        Assert.Empty(Security("/api/v1/auth/login", "post"));
        Assert.Empty(Security("/api/v1/licenses/validate", "post"));
        var login = document.GetProperty("components").GetProperty("schemas").GetProperty("TokenResponse").GetProperty("properties");
        foreach (var member in new[] { "access_token", "token_type", "expires_in", "refresh_token", "account" })
        {
            Assert.True(login.TryGetProperty(member, out _), login.ToString());
        }
    }
}
