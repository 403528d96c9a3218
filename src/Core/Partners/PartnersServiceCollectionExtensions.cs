using Backend.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Core.Partners;

public static class PartnersServiceCollectionExtensions
{
    /// <summary>Resellers and their API (after <c>AddLicensing</c>: codes, rate limiter and admin keys are its).</summary>
    public static IServiceCollection AddPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PartnerSettings>(configuration);
        services.AddSingleton<PartnerAuthenticator>();
        services.AddSingleton<PartnerGate>();
        services.AddSingleton<CreatePartnerHandler>();
        services.AddSingleton<ListPartnersHandler>();
        services.AddSingleton<DisablePartnerHandler>();
        services.AddSingleton<PartnerCreateCodesHandler>();
        services.AddSingleton<PartnerListCodesHandler>();
        return services;
    }
}
