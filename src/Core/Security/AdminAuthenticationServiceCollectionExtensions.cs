using Backend.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Core.Security;

public static class AdminAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// The admin key check. Both the license feature and tenant administration need it, and SelfHost hosts both,
    /// so the second call finds it registered and adds nothing.
    /// </summary>
    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(AdminAuthenticator)))
        {
            return services;
        }
        services.AddSettings<AdminApiKeySettings>(configuration);
        services.AddAccessTokenValidation(configuration);
        services.AddSingleton<AdminAuthenticator>();
        return services;
    }

    /// <summary>People's access tokens: the keys, the validator and the check against their account and session.</summary>
    public static IServiceCollection AddAccessTokenValidation(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(BearerTokenAuthenticator)))
        {
            return services;
        }
        services.AddSettings<AccessTokenSettings>(configuration);
        services.AddSingleton<AccessTokenKeys>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<BearerTokenAuthenticator>();
        return services;
    }
}
