using Microsoft.Extensions.Options;

namespace Backend.Core.Configuration;

/// <summary>The one line every host prints when its settings stop it from starting (exit code 2).</summary>
public static class ConfigurationError
{
    public const int ExitCode = 2;

    /// <returns>null when <paramref name="exception"/> is not a configuration error.</returns>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => $"Configuration error: {string.Join(" ", e.Failures)}",
        MissingSettingException e => $"Configuration error: {e.Message}",
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        _ => null,
    };
}
