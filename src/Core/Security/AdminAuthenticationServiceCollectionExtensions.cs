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
        services.AddSingleton<AdminAuthenticator>();
        return services;
    }
}
