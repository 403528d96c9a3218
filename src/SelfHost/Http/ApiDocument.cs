using System.Text.Json;
using Microsoft.OpenApi;

namespace Backend.SelfHost.Http;

/// <summary>
/// The OpenAPI 3 document at <c>GET /api/openapi.json</c>, generated from the metadata of every mapped
/// endpoint, so each feature's routes appear as soon as they are mapped. APIs whose JSON is snake_case
/// (the license API) are described in snake_case.
/// </summary>
public static class ApiDocument
{
    public const string Route = "/api/openapi.json";

    /// <summary>Namespaces whose types travel as snake_case JSON (<c>JsonDefaults.SnakeCase</c>).</summary>
    private static readonly HashSet<string> SnakeCaseNamespaces = ["Backend.Core.Licensing"];

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
        });

    public static IEndpointConventionBuilder MapApiDocument(this WebApplication app) => app.MapOpenApi(Route);
}
