extern alias LicenseFunctionApp;
extern alias OcrFunctionApp;

using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Backend.Tests.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backend.Tests.FunctionApps;

/// <summary>
/// Builds each function app's real worker host from its own composition method (what Program.cs runs), without a
/// Functions host: nothing connects until the host starts, so the container can be checked here.
/// </summary>
public static class FunctionAppHosts
{
    public const string LicenseApp = "License";
    public const string OcrApp = "Ocr";

    public static readonly IReadOnlyDictionary<string, Assembly> Assemblies = new Dictionary<string, Assembly>
    {
        [LicenseApp] = typeof(LicenseFunctionApp::Backend.LicenseFunctions.LicenseApp).Assembly,
        [OcrApp] = typeof(OcrFunctionApp::Backend.OcrFunctions.OcrApp).Assembly,
    };

    public static IHost Build(string app, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? alter = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings.Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)));
        _ = app == LicenseApp
            ? LicenseFunctionApp::Backend.LicenseFunctions.LicenseApp.Configure(builder)
            : OcrFunctionApp::Backend.OcrFunctions.OcrApp.Configure(builder);
        alter?.Invoke(builder.Services);
        builder.ConfigureContainer(new Microsoft.Extensions.DependencyInjection.DefaultServiceProviderFactory(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }

    /// <summary>The classes whose methods carry [Function]: the worker creates one per invocation from the container.</summary>
    public static IReadOnlyList<Type> FunctionClasses(string app) =>
        Assemblies[app].GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();

    /// <summary>local.settings.sample.json's values, with its placeholders replaced by real generated secrets.</summary>
    public static Dictionary<string, string?> SampleSettings()
    {
        var values = JsonNode.Parse(RepositoryFiles.Read(ConfigurationSources.LocalSettingsPath))!["Values"]!.AsObject();
        var settings = values.ToDictionary(pair => pair.Key, pair => (string?)pair.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        settings["Licensing__AdminApiKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        settings["Licensing__SigningPrivateKey"] = Convert.ToBase64String(signing.ExportPkcs8PrivateKey());
        settings["Encryption__Keys__local1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["AccessTokens__Keys__local1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Accounts__BootstrapAdminEmail"] = "";
        settings["Accounts__BootstrapAdminPassword"] = "";
        // The Azure SDK sends tokens over HTTPS only; the sample's Azurite address serves SelfHost-style local runs.
        settings["InvoiceStorage__blobServiceUri"] = "https://account.blob.core.windows.net";
        settings["InvoiceStorage__queueServiceUri"] = "https://account.queue.core.windows.net";
        Assert.DoesNotContain(settings.Values, value => value is not null && value.StartsWith('<'));
        return settings;
    }
}
