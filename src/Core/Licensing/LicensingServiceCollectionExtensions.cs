using Backend.Core.Configuration;
using Backend.Core.Events;
using Backend.Core.RateLimiting;
using Backend.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Core.Licensing;

public static class LicensingServiceCollectionExtensions
{
    /// <summary>The license API: settings, signing keys, rate limiters, the batched activity writer and the handlers.</summary>
    public static IServiceCollection AddLicensing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LicensingSettings>(configuration);
        services.AddEvents(configuration);
        services.AddSingleton<LicenseSigningKeys>();
        services.AddSingleton<LicenseIssuer>();
        services.AddSingleton<LicenseKeyCheck>();
        services.AddAdminAuthentication(configuration);
        services.AddSingleton<ClientAddress>();
        services.AddSingleton<PostgresRateLimiter>();
        services.AddSingleton<ValidateRateLimiter>();
        services.AddSingleton<LicenseActivityBuffer>();
        services.AddSingleton<LicenseStateReader>();
        services.AddSingleton<Products.ProductRenewalUrls>();
        services.AddSingleton<LicenseStateCache>();
        services.AddSingleton<LicenseStateLookup>();
        if (configuration.GetValue($"{LicensingSettings.SectionName}:{nameof(LicensingSettings.StatesInMemory)}", true))
        {
            services.AddHostedService<LicenseStateSync>();
        }
        services.AddHostedService<LicenseActivityFlusher>();

        services.AddSingleton<TrialHandler>();
        services.AddSingleton<ActivateHandler>();
        services.AddSingleton<ValidateHandler>();
        services.AddSingleton<HeartbeatHandler>();
        services.AddSingleton<PublicKeyHandler>();
        services.AddSingleton<RevokeHandler>();
        services.AddSingleton<ActivationCodesHandler>();
        services.AddSingleton<LicenseSearchHandler>();
        services.AddSingleton<LicenseCsvExportHandler>();
        services.AddSingleton<LicenseStatsHandler>();
        services.AddSingleton<LicenseDetailHandler>();
        services.AddSingleton<ActivationCodeListHandler>();
        return services;
    }
}
