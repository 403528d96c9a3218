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
}
