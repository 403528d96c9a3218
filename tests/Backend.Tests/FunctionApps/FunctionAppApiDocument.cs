using System.Text.Json;
using System.Text.Json.Nodes;
using Backend.Core.Http;
using Backend.Tests.Configuration;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.FunctionApps;

/// <summary>
/// Generates a function app's <c>openapi.json</c>: SelfHost's document (built from Core's endpoint metadata) cut down
/// to the operations the app's functions.metadata declares, with the schemas and tags those operations use.
/// </summary>
public static class FunctionAppApiDocument
{
    public static readonly IReadOnlyDictionary<App, string> Titles = new Dictionary<App, string>
    {
        [App.License] = "EasyFacture backend: license app",
        [App.Ocr] = "EasyFacture backend: invoice (OCR) app",
    };

    public static string PathOf(App app) => RepositoryFiles.PathOf($"{FunctionMetadata.Projects[app]}/{EmbeddedApiDocument.ResourceName}");

    /// <summary>"GET /api/health"-style operations the app serves, its own document's route aside.</summary>
    public static IReadOnlySet<string> ServedOperations(App app) =>
        FunctionMetadata.Triggers(app)
            .Where(t => t.Type == "httpTrigger" && t.Property("route") != ApiDocumentRoutes.Document)
            .SelectMany(t => t.Methods.Select(m => $"{m} /api/{t.Property("route")}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>"GET /api/health"-style operations a document lists.</summary>
    public static IReadOnlySet<string> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .ToHashSet(StringComparer.Ordinal);

    public static string Generate(App app, JsonObject selfHost)
    {
        var served = ServedOperations(app);
        var paths = new JsonObject();
        foreach (var (path, item) in selfHost["paths"]!.AsObject())
        {
            var kept = new JsonObject();
            foreach (var (method, operation) in item!.AsObject())
            {
                if (served.Contains($"{method.ToUpperInvariant()} {path}"))
                {
                    kept[method] = operation!.DeepClone();
                }
            }
            if (kept.Count > 0)
            {
                paths[path] = kept;
            }
        }

        var schemas = selfHost["components"]?["schemas"]?.AsObject() ?? [];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<JsonNode>([paths]);
        while (pending.TryDequeue(out var node))
        {
            foreach (var name in SchemaReferences(node))
            {
                if (used.Add(name) && schemas[name] is { } schema)
                {
                    pending.Enqueue(schema);
                }
            }
        }
        var tags = paths.SelectMany(p => p.Value!.AsObject()).SelectMany(o => o.Value!["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>()).ToHashSet();

        var info = selfHost["info"]!.DeepClone().AsObject();
        info["title"] = Titles[app];
        var document = new JsonObject
        {
            ["openapi"] = selfHost["openapi"]!.DeepClone(),
            ["info"] = info,
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject(schemas.Where(s => used.Contains(s.Key)).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value!.DeepClone()))),
                ["securitySchemes"] = selfHost["components"]?["securitySchemes"]?.DeepClone(),
            },
            ["tags"] = new JsonArray((selfHost["tags"]?.AsArray() ?? []).Where(t => tags.Contains(t!["name"]!.GetValue<string>())).Select(t => t!.DeepClone()).ToArray()),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static IEnumerable<string> SchemaReferences(JsonNode node)
    {
        const string prefix = "#/components/schemas/";
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        yield return target[prefix.Length..];
                    }
                    else if (value is not null)
                    {
                        foreach (var name in SchemaReferences(value))
                        {
                            yield return name;
                        }
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    foreach (var name in SchemaReferences(item))
                    {
                        yield return name;
                    }
                }
                break;
        }
    }
}
