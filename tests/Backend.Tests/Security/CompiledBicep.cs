using System.Diagnostics;
using System.Text.Json.Nodes;
using Backend.Tests.Configuration;

namespace Backend.Tests.Security;

/// <summary>
/// infra/bicep compiled to ARM JSON by the bicep CLI of the NuGet package Azure.Bicep.CommandLine.linux-x64 0.49.2
/// (found in the NuGet package cache), so the security tests read what Azure would receive.
/// </summary>
public static class CompiledBicep
{
    private static readonly Lazy<JsonObject> CompiledMain = new(() => JsonNode.Parse(Run("build", "--stdout", "infra/bicep/main.bicep"))!.AsObject());

    public static JsonObject MainTemplate() => CompiledMain.Value.DeepClone().AsObject();

    /// <summary>The parameter values of a .bicepparam file, e.g. infra/bicep/main.prod.bicepparam.</summary>
    public static JsonObject Parameters(string file)
    {
        var built = JsonNode.Parse(Run("build-params", "--stdout", file))!;
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

    private static string Run(params string[] arguments)
    {
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(home, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The bicep CLI is not at {path}: restore the package Azure.Bicep.CommandLine.linux-x64 0.49.2.");
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["POSTGRES_ADMIN_PASSWORD"] = "compile-only-not-a-password";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"bicep {string.Join(' ', arguments)} failed:\n{error.Result}");
    }
}
