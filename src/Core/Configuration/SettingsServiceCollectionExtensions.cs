using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backend.Core.Configuration;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TSettings"/> to its section and validates it when the host starts,
    /// so a missing or malformed setting stops the app before it serves a request.
    /// </summary>
    public static OptionsBuilder<TSettings> AddSettings<TSettings>(this IServiceCollection services, IConfiguration configuration)
        where TSettings : class, ISettings
    {
        services.AddSingleton<IValidateOptions<TSettings>, SettingsValidator<TSettings>>();
        return services.AddOptions<TSettings>()
            .Bind(configuration.GetSection(TSettings.SectionName))
            .ValidateOnStart();
    }

    /// <summary>
    /// The section's values while the host is being composed, for the rare choice that must be made before the
    /// container exists (which exporters to add). Still validated at start-up by <see cref="AddSettings{TSettings}"/>.
    /// </summary>
    public static TSettings ReadSettings<TSettings>(this IConfiguration configuration)
        where TSettings : class, ISettings, new() =>
        configuration.GetSection(TSettings.SectionName).Get<TSettings>() ?? new TSettings();
}
