using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Http;

/// <summary>
/// A function app's OpenAPI document, embedded in its assembly as <c>openapi.json</c>. The function apps have no
/// endpoint metadata to generate one from at run time, so each carries SelfHost's document (built from the same Core
/// endpoints) cut down to the routes that app serves; <c>FunctionAppApiDocumentTests</c> regenerates it and fails
/// when the committed file is stale.
/// </summary>
public static class EmbeddedApiDocument
{
    public const string ResourceName = "openapi.json";

    private static readonly ConcurrentDictionary<Assembly, byte[]> Documents = new();

    public static IResult Of(Assembly app) =>
        Results.Bytes(Documents.GetOrAdd(app, Read), "application/json; charset=utf-8");

    private static byte[] Read(Assembly app)
    {
        using var stream = app.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{app.GetName().Name} embeds no {ResourceName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
