using Backend.Core;
using Backend.Core.Accounts;
using Backend.Core.Licensing;
using Backend.Core.Partners;
using Backend.Core.Products;
using Backend.Core.Updates;
using Backend.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Backend.LicenseFunctions;

/// <summary>The license app's composition; Program.cs runs it and the tests build the same host.</summary>
public static class LicenseApp
{
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        builder.UseBackendWorker();
        // The license app touches neither blob storage nor Service Bus, and its identity is granted neither: its outbox
        // jobs (webhooks, e-mail, expiry scan; AddLicensing adds them) run on timers over PostgreSQL.
        builder.Services.AddBackendCore(builder.Configuration);
        builder.Services.AddManagedIdentityDatabasePassword();
        builder.Services.AddLicensing(builder.Configuration);
        builder.Services.AddProducts().AddPartners(builder.Configuration).AddUpdates();
        builder.Services.AddAccounts(builder.Configuration);
        return builder;
    }
}
