using Microsoft.Extensions.Options;

namespace Backend.Core.Configuration;

/// <summary>The one line every host prints when its settings stop it from starting (exit code 2).</summary>
public static class ConfigurationError
{
    public const int ExitCode = 2;

    /// <returns>null when <paramref name="exception"/> is not a configuration error.</returns>
    public static string? Describe(Exception exception)
    {
        // Start-up validation reports every invalid settings class at once, as an AggregateException.
        var failures = new List<string>();
        foreach (var inner in exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception])
        {
            switch (inner)
            {
                case OptionsValidationException e:
                    failures.AddRange(e.Failures);
                    break;
                case MissingSettingException e:
                    failures.Add(e.Message);
                    break;
                default:
                    return null;
            }
        }
        return failures.Count == 0 ? null : $"Configuration error: {string.Join(" ", failures)}";
    }
}
