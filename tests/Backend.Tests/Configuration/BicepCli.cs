using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Backend.Tests.Configuration;

/// <summary>
/// The bicep CLI of the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with the tests), run as a process:
/// the templates the tests read are the ARM JSON Azure would receive, not Bicep text.
/// </summary>
public static class BicepCli
{
    public const string MainTemplate = "infra/bicep/main.bicep";
    public static readonly string[] ParameterFiles = ["infra/bicep/main.dev.bicepparam", "infra/bicep/main.prod.bicepparam"];

    private static readonly Lazy<JsonObject> Compiled = new(() =>
        JsonNode.Parse(Run("build", "--stdout", RepositoryFiles.PathOf(MainTemplate)).StandardOutput)!.AsObject());

    /// <summary>main.bicep compiled once per test run; callers that change it get their own copy.</summary>
    public static JsonObject CompiledMain() => Compiled.Value.DeepClone().AsObject();

    /// <summary>The parameter values a .bicepparam file binds (<c>build-params</c>), keyed by parameter name.</summary>
    public static JsonObject Parameters(string parameterFile)
    {
        var built = JsonNode.Parse(Run("build-params", "--stdout", RepositoryFiles.PathOf(parameterFile)).StandardOutput)!;
        return JsonNode.Parse(built["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
    }

    public static BicepResult Run(params string[] arguments)
    {
        var path = Executable();
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // build-params reads the database password from the environment (readEnvironmentVariable); any value does.
        start.Environment["POSTGRES_ADMIN_PASSWORD"] = "compile-only-not-a-password";
        // No telemetry, no network: the CLI must work offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }
        var result = new BicepResult(process.ExitCode, output.Result, error.Result);
        if (result.ExitCode != 0 && arguments[0] != "lint")
        {
            throw new InvalidOperationException($"bicep {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.StandardError}");
        }
        return result;
    }

    private static string Executable()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepCli").Value!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The bicep CLI is not at {path}: restore tests/Backend.Tests (package Azure.Bicep.CommandLine.linux-x64).");
        }
        // NuGet extracts files without their execute bit on some systems.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
        return path;
    }
}
