using System.Text.Json.Nodes;
using Backend.Tests.Configuration;

namespace Backend.Tests.Security;

/// <summary>Reading helpers over infra/bicep compiled by <see cref="BicepCli"/>: what Azure would receive.</summary>
public static class CompiledBicep
{
    public static JsonObject MainTemplate() => BicepCli.CompiledMain();

    /// <summary>The parameter values of a .bicepparam file, e.g. infra/bicep/main.prod.bicepparam.</summary>
    public static JsonObject Parameters(string file)
    {
        var built = JsonNode.Parse(BicepCli.Run("build-params", "--stdout", RepositoryFiles.PathOf(file)).StandardOutput)!;
        return JsonNode.Parse(built["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
    }

    /// <summary>The module deployment of main.bicep named <paramref name="name"/>.</summary>
    public static JsonObject Module(JsonObject template, string name) =>
        template["resources"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == name);

    public static string Setting(JsonObject template, string app, string key) =>
        Text(Module(template, app)["properties"]!["parameters"]!["appSettings"]!["value"]![key]!);

    /// <summary>A node as ARM writes it, without JSON escaping of quotes (<c>'</c> stays <c>'</c>).</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Unescaped);

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
