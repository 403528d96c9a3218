using System.Diagnostics;
using System.Reflection;
using Backend.Core.Configuration;
using Backend.Core.Storage;
using Backend.Tests.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Backend.Tests.FunctionApps.FunctionAppHosts;

namespace Backend.Tests.FunctionApps;

/// <summary>Each app's real composition: the container validates, every function class resolves, bad settings stop it.</summary>
public sealed class FunctionAppCompositionTests
{
    [Theory]
    [InlineData(LicenseApp)]
    [InlineData(OcrApp)]
    public void Every_function_class_resolves_from_the_validated_container(string app)
    {
        using var host = Build(app, SampleSettings());
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        using var scope = host.Services.CreateScope();
        var classes = FunctionClasses(app);
        foreach (var type in classes)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
        var functions = classes.SelectMany(type => type.GetMethods()).Count(m => m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>() is not null);
        Assert.Equal(FunctionMetadata.Read(app == LicenseApp ? ConfigurationSources.App.License : ConfigurationSources.App.Ocr).Count, functions);
        Assert.NotEmpty(classes);
    }

    [Fact]
    public void A_forgotten_registration_fails_the_composition()
    {
        var error = Record.Exception(() =>
        {
            using var host = Build(OcrApp, SampleSettings(), services => services.RemoveAll<IBlobStore>());
            using var scope = host.Services.CreateScope();
            foreach (var type in FunctionClasses(OcrApp))
            {
                ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            }
        });

        Assert.NotNull(error);
        Assert.Contains(nameof(IBlobStore), error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LicenseApp, "Licensing__SigningPrivateKey")]
    [InlineData(OcrApp, "Encryption__ActiveKeyId")]
    public void A_missing_setting_fails_start_up_validation(string app, string setting)
    {
        var settings = SampleSettings();
        settings.Remove(setting);
        using var host = Build(app, settings);

        var error = Record.Exception(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.NotNull(error);
        Assert.StartsWith($"Configuration error: Setting '{setting}'", ConfigurationError.Describe(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LicenseApp, "Database__ConnectionString")]
    [InlineData(OcrApp, "InvoiceStorage__blobServiceUri")]
    public async Task The_compiled_app_started_without_a_setting_prints_one_line_and_exits_2(string app, string setting)
    {
        var settings = SampleSettings();
        settings.Remove(setting);
        var output = FunctionMetadata.OutputDirectory(app == LicenseApp ? ConfigurationSources.App.License : ConfigurationSources.App.Ocr);
        var dll = Path.Combine(output, Path.GetFileName(Assemblies[app].Location));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith($"Configuration error: Setting '{setting}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", await stdout, StringComparison.Ordinal);
    }
}
