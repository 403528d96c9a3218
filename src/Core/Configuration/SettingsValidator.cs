using Microsoft.Extensions.Options;

namespace Backend.Core.Configuration;

internal sealed class SettingsValidator<TSettings> : IValidateOptions<TSettings>
    where TSettings : class, ISettings
{
    public ValidateOptionsResult Validate(string? name, TSettings options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
