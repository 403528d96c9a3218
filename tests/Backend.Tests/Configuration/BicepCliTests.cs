using System.Text.Json.Nodes;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>The templates compile, the parameter files bind, the linter has nothing to say, and roles follow the functions.</summary>
public sealed class BicepCliTests
{
    [Fact]
    public void Main_compiles_to_an_ARM_template()
    {
        var template = BicepCli.CompiledMain();

        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", template["$schema"]!.GetValue<string>());
        Assert.Contains(template["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "ocrApp");
    }

    [Theory]
    [InlineData("infra/bicep/main.dev.bicepparam")]
    [InlineData("infra/bicep/main.prod.bicepparam")]
    public void The_parameter_files_bind_to_main(string parameterFile)
    {
        var parameters = BicepCli.Parameters(parameterFile);

        var environment = parameterFile.Contains(".prod.", StringComparison.Ordinal) ? "prod" : "dev";
        Assert.Equal(environment, parameters["environmentName"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_linter_reports_nothing()
    {
        var result = BicepCli.Run("lint", RepositoryFiles.PathOf(BicepCli.MainTemplate));

        Assert.True(result.ExitCode == 0 && result.StandardError.Trim().Length == 0 && result.StandardOutput.Trim().Length == 0,
            $"bicep lint ({result.ExitCode}):\n{result.StandardOutput}{result.StandardError}");
    }

    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public void Each_identity_is_granted_what_its_functions_touch_and_nothing_else(App app)
    {
        var triggers = FunctionMetadata.Triggers(app);
        var expected = new SortedSet<string>(StringComparer.Ordinal) { app == App.License ? "licenseVault.readerPrincipalId" : "ocrVault.readerPrincipalId" };
        if (triggers.Any(t => t.Type == "serviceBusTrigger"))
        {
            expected.Add("serviceBus.principalId");
        }
        // The OCR app reads and writes invoice blobs (its blob store and its inbox trigger); the license app none.
        if (triggers.Any(t => t.Type == "blobTrigger"))
        {
            expected.Add("storage.dataPrincipalId");
        }

        var granted = IdentityGrants(BicepCli.CompiledMain(), app).Where(grant => !IsHostStorage(grant)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected, granted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_grant_to_the_wrong_identity_is_seen()
    {
        var template = BicepCli.CompiledMain();
        var ocrPrincipal = ModuleParameter(template, "serviceBus", "principalId").GetValue<string>();
        template["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "serviceBus")!["properties"]!["parameters"]!["principalId"]!["value"] =
            ocrPrincipal.Replace("id-{0}-ocr-", "id-{0}-lic-", StringComparison.Ordinal);

        Assert.Contains("serviceBus.principalId", IdentityGrants(template, App.License));
        Assert.DoesNotContain("serviceBus.principalId", IdentityGrants(template, App.Ocr));
    }

    /// <summary>Host storage (deployment packages, host keys and leases) is every app's own business.</summary>
    private static bool IsHostStorage(string grant) => grant.Contains("host", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "module.parameter" of every module parameter that receives the principal id of <paramref name="app"/>'s
    /// user-assigned identity: the modules grant their roles to the principals they are given.
    /// </summary>
    private static IReadOnlyList<string> IdentityGrants(JsonObject template, App app)
    {
        var marker = app == App.License ? "id-{0}-lic-" : "id-{0}-ocr-";
        var grants = new List<string>();
        foreach (var module in template["resources"]!.AsArray().Where(r => r!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments"))
        {
            foreach (var (name, parameter) in module!["properties"]!["parameters"]!.AsObject())
            {
                if (Strings(parameter).Any(s => s.Contains(marker, StringComparison.Ordinal) && s.Contains(".principalId", StringComparison.Ordinal)))
                {
                    grants.Add($"{module["name"]!.GetValue<string>()}.{name}");
                }
            }
        }
        return grants;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
