using System.Text.Json.Nodes;
using Backend.Tests.Configuration;

namespace Backend.Tests.Security;

/// <summary>Reading helpers over infra/bicep compiled by <see cref="BicepCli"/>: what Azure would receive.</summary>
public static class CompiledBicep
{
    public static string Setting(JsonObject template, string app, string key) =>
        Text(ConfigurationSources.Module(template, app)["properties"]!["parameters"]!["appSettings"]!["value"]![key]!);

    /// <summary>A node as ARM writes it, without JSON escaping of quotes (<c>'</c> stays <c>'</c>).</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Unescaped);

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
