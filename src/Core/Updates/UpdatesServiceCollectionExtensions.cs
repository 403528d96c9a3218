using Microsoft.Extensions.DependencyInjection;

namespace Backend.Core.Updates;

public static class UpdatesServiceCollectionExtensions
{
    /// <summary>Releases and the update check (after <c>AddLicensing</c>: manifests are signed with the license signing key).</summary>
    public static IServiceCollection AddUpdates(this IServiceCollection services)
    {
        services.AddSingleton<ReleaseManifestSigner>();
        services.AddSingleton<PublishReleaseHandler>();
        services.AddSingleton<ListReleasesHandler>();
        services.AddSingleton<UpdateRolloutHandler>();
        services.AddSingleton<CheckUpdateHandler>();
        return services;
    }
}
