using Backend.Core.Accounts.Http;
using Backend.Core.Configuration;
using Backend.Core.Licensing;
using Backend.Core.RateLimiting;
using Backend.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Core.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// People's accounts: sign-in, sessions, password setup and change, admin account management, the bootstrap admin.
    /// Served by the license app (and SelfHost), next to the admin API; needs <c>AddLicensing</c> for the client
    /// address and the PostgreSQL rate limiter.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AccountSettings>(configuration);
        services.AddAdminAuthentication(configuration);
        services.TryAddSingleton<ClientAddress>();
        services.TryAddSingleton<PostgresRateLimiter>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<PasswordSetupTokens>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SessionIssuer>();
        services.AddHostedService<BootstrapAdmin>();

        services.AddSingleton<LoginHandler>();
        services.AddSingleton<RefreshHandler>();
        services.AddSingleton<LogoutHandler>();
        services.AddSingleton<PasswordSetupHandler>();
        services.AddSingleton<PasswordChangeHandler>();
        services.AddSingleton<CreateAccountHandler>();
        services.AddSingleton<ListAccountsHandler>();
        services.AddSingleton<AccountStatusHandler>();
        services.AddSingleton<PasswordResetHandler>();
        return services;
    }
}
