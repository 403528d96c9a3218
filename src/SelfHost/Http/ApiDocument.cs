using System.Text.Json;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Backend.SelfHost.Http;

/// <summary>
/// The OpenAPI 3 document at <c>GET /api/openapi.json</c>, browsable at <c>GET /api/docs</c>, generated from the metadata of every mapped
/// endpoint, so each feature's routes appear as soon as they are mapped. APIs whose JSON is snake_case
/// (the license API) are described in snake_case. Schemas carry the seeds' examples (<see cref="ApiExamples"/>).
/// </summary>
public static class ApiDocument
{
    public const string Route = "/api/" + Backend.Core.Http.ApiDocumentRoutes.Document;

    /// <summary>Namespaces whose types travel as snake_case JSON (<c>JsonDefaults.SnakeCase</c>).</summary>
    private static readonly HashSet<string> SnakeCaseNamespaces =
        ["Backend.Core.Licensing", "Backend.Core.Accounts", "Backend.Core.Accounting.Contracts", "Backend.Core.Products", "Backend.Core.Updates", "Backend.Core.Partners", "Backend.Core.Webhooks", "Backend.Core.Invoices.Tenants"];

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "EasyFacture backend",
                    Version = "v1",
                    Description = "License server and invoice OCR API. Errors use {success:false, error, message, details, timestamp, request_id}.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "Machines: the admin API key (admin routes) or a tenant's API key (invoice and accounting routes).",
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "People: an access token from POST /api/v1/auth/login (1 h). Admin routes take an admin's token, "
                        + "invoice and accounting routes a tenant user's token. Admin routes also take the admin API key as Bearer.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
                var schemes = SchemesOf(path);
                if (schemes.Length > 0)
                {
                    // Alternatives: any one of the listed schemes opens the operation.
                    operation.Security = schemes
                        .Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, context.Document)] = [] })
                        .ToList();
                }
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type.Namespace is { } ns && SnakeCaseNamespaces.Contains(ns) && schema.Properties is { Count: > 0 } properties)
                {
                    foreach (var (name, property) in properties.ToList())
                    {
                        var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
                        if (snake != name)
                        {
                            properties.Remove(name);
                            properties[snake] = property;
                            if (schema.Required?.Remove(name) == true)
                            {
                                schema.Required.Add(snake);
                            }
                        }
                    }
                }
                return Task.CompletedTask;
            });
            // On the finished components (a type used only as a property is transformed only as that property), in
            // the names clients send and receive, after the snake_case renaming.
            options.AddDocumentTransformer((document, _, _) =>
            {
                foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
                {
                    if (schema is OpenApiSchema editable && ApiExamples.For(name) is { } examples)
                    {
                        editable.Examples = examples;
                    }
                }
                // The envelope carries extra members some errors need (retry_after, existing_license: ApiError.Extra).
                if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(nameof(Backend.Core.Http.ApiError), out var error)
                    && error is OpenApiSchema envelope)
                {
                    envelope.AdditionalProperties = new OpenApiSchema();
                }
                foreach (var (path, item) in document.Paths ?? [])
                {
                    foreach (var (method, operation) in item.Operations ?? [])
                    {
                        foreach (var (status, response) in operation.Responses ?? [])
                        {
                            if (response.Content is { } content && content.TryGetValue("application/json", out var json)
                                && ApiExamples.ForResponse(method.Method, path, status) is { } example)
                            {
                                json.Example = example;
                            }
                        }
                    }
                }
                return Task.CompletedTask;
            });
        });

    public const string ApiKeyScheme = "apiKey";
    public const string BearerScheme = "bearer";

    /// <summary>Which credentials each route takes; routes of no listed prefix are public.</summary>
    private static string[] SchemesOf(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) => [ApiKeyScheme, BearerScheme],
        _ when path.StartsWith("/api/v1/auth/password/change", StringComparison.Ordinal) => [BearerScheme],
        _ when path.StartsWith("/api/v1/", StringComparison.Ordinal) || path == Route || path.StartsWith(DocsRoute, StringComparison.Ordinal)
            || path.StartsWith("/api/health", StringComparison.Ordinal) => [],
        _ when path.StartsWith("/api/", StringComparison.Ordinal) => [ApiKeyScheme, BearerScheme],
        _ => [],
    };

    /// <summary>The interactive reference (Scalar) over <see cref="Route"/>; its script is served by the app itself, no CDN.</summary>
    public const string DocsRoute = "/api/docs";

    public static IEndpointConventionBuilder MapApiDocument(this WebApplication app)
    {
        app.MapScalarApiReference(DocsRoute, options => options
            .WithTitle("EasyFacture backend API")
            .WithOpenApiRoutePattern(Route));
        return app.MapOpenApi(Route);
    }
}
