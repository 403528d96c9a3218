using System.Text.Json.Nodes;
using Backend.Tests.Configuration;

namespace Backend.Tests.Security;

/// <summary>
/// What the compiled Bicep grants: each app logs in to PostgreSQL as its own managed identity (Entra, no password,
/// its own least-privilege role), production PostgreSQL has no public endpoint, and each app's Functions host
/// storage (function keys) is an account only that app's identity can reach.
/// </summary>
public sealed class AzureIsolationTests
{
    private static readonly JsonObject Template = BicepCli.CompiledMain();

    private static JsonObject ModuleTemplate(string module) => ConfigurationSources.Module(Template, module)["properties"]!["template"]!.AsObject();

    private static JsonObject ModuleParameters(string module) => ConfigurationSources.Module(Template, module)["properties"]!["parameters"]!.AsObject();

    [Theory]
    [InlineData("licenseApp", "licenseHostStorage", "-lic-")]
    [InlineData("ocrApp", "ocrHostStorage", "-ocr-")]
    public void Each_app_keeps_its_function_keys_in_host_storage_only_its_identity_can_reach(string app, string hostStorage, string identityMarker)
    {
        Assert.Contains($"'{hostStorage}'", CompiledBicep.Setting(Template, app, "AzureWebJobsStorage__accountName"));
        Assert.Contains($"'{hostStorage}'", CompiledBicep.Text(ModuleParameters(app)["storageBlobEndpoint"]!));

        var principal = CompiledBicep.Text(ModuleParameters(hostStorage)["principalId"]!);
        Assert.Contains(identityMarker, principal);
        Assert.DoesNotContain(identityMarker == "-lic-" ? "-ocr-" : "-lic-", principal);
        var template = ModuleTemplate(hostStorage).ToJsonString();
        Assert.Contains("azure-webjobs-secrets", template);
        Assert.Contains("azure-webjobs-hosts", template);
    }

    [Fact]
    public void The_shared_data_account_holds_no_host_containers()
    {
        Assert.DoesNotContain("azure-webjobs", ModuleTemplate("storage").ToJsonString());
        Assert.DoesNotContain("azure-webjobs", ModuleParameters("storage").ToJsonString());
    }

    [Theory]
    [InlineData("licenseApp", "-lic-")]
    [InlineData("ocrApp", "-ocr-")]
    public void Each_app_logs_in_to_postgresql_as_its_managed_identity_without_a_password(string app, string identityMarker)
    {
        var connectionString = CompiledBicep.Setting(Template, app, "Database__ConnectionString");

        Assert.DoesNotContain("Password", connectionString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("postgresAdministratorLogin", connectionString);
        Assert.DoesNotContain("KeyVault", connectionString);
        // Username = the identity's name, the PostgreSQL role the Entra administrator creates for it.
        Assert.Contains("Username={1}", connectionString);
        Assert.Contains($"format('id-{{0}}{identityMarker}{{1}}-{{2}}'", connectionString);
        Assert.Equal("\"managedidentity\"", CompiledBicep.Setting(Template, app, "Database__Credential"));
        Assert.Contains(identityMarker, CompiledBicep.Setting(Template, app, "Database__ClientId"));
    }

    [Theory]
    [InlineData("licenseVault")]
    [InlineData("ocrVault")]
    public void No_database_password_is_written_to_key_vault(string vault) =>
        Assert.Empty(ModuleParameters(vault)["secrets"]!["value"]!.AsObject());

    [Fact]
    public void The_server_accepts_microsoft_entra_logins_and_has_an_entra_administrator()
    {
        var resources = ModuleTemplate("postgres")["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var server = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.DBforPostgreSQL/flexibleServers");
        var auth = server["properties"]!["authConfig"]!;

        Assert.Equal("Enabled", auth["activeDirectoryAuth"]!.GetValue<string>());
        Assert.Contains("'Disabled'", auth["passwordAuth"]!.GetValue<string>());
        Assert.Contains(resources, r => r["type"]!.GetValue<string>() == "Microsoft.DBforPostgreSQL/flexibleServers/administrators");
    }

    [Fact]
    public void Production_postgresql_has_no_password_no_azure_services_rule_and_private_access()
    {
        var prod = BicepCli.Parameters("infra/bicep/main.prod.bicepparam");

        Assert.False(prod["postgresAllowAzureServices"]!["value"]!.GetValue<bool>());
        Assert.Empty(prod["postgresFirewallRules"]!["value"]!.AsArray());
        Assert.False(prod.ContainsKey("postgresAdministratorPassword"));
        Assert.True(prod.ContainsKey("postgresDelegatedSubnetId"));
        Assert.True(prod.ContainsKey("postgresPrivateDnsZoneId"));
        Assert.True(prod.ContainsKey("appsSubnetId"));
    }
}
