using Backend.Core.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Functions.Worker;

public static class FunctionAppStartup
{
    /// <summary>What both apps put in front of their functions: ASP.NET Core HTTP, the envelope middlewares, telemetry.</summary>
    public static FunctionsApplicationBuilder UseBackendWorker(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        // Outermost first: an exception escaping a function or its result becomes the error envelope.
        builder.UseMiddleware<ExceptionEnvelopeMiddleware>();
        builder.UseMiddleware<HttpResultMiddleware>();
        builder.AddAzureMonitorTelemetry();
        return builder;
    }

    /// <summary>
    /// Composes and runs an app. A configuration error prints the same one line as SelfHost (the Functions host
    /// copies the worker's standard error into its log) and exits with <see cref="ConfigurationError.ExitCode"/>.
    /// </summary>
    public static int Run(Func<FunctionsApplicationBuilder> compose)
    {
        try
        {
            using var host = compose().Build();
            // Settings first: the worker's own start-up (its gRPC channel to the Functions host) would otherwise fail
            // before ValidateOnStart runs, hiding the setting that is actually wrong.
            host.Services.GetService<IStartupValidator>()?.Validate();
            host.Run();
            return 0;
        }
        catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
        {
            Console.Error.WriteLine(message);
            return ConfigurationError.ExitCode;
        }
    }
}
