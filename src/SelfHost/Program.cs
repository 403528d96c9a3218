using Backend.Core;
using Backend.Core.Accounting;
using Backend.Core.Accounts;
using Backend.Core.Configuration;
using Backend.Core.Events;
using Backend.Core.Health;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Core.Licensing;
using Backend.Core.Partners;
using Backend.Core.Products;
using Backend.Core.Updates;
using Backend.Core.Webhooks;
using Backend.SelfHost.Http;
using Backend.SelfHost.Jobs;
using Backend.SelfHost.WebApp;
using Microsoft.Extensions.Options;

if (args is ["migrate", ..])
{
    Environment.ExitCode = await Backend.SelfHost.Data.MigrateCommand.RunAsync(args[1..]);
    return;
}

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddBackendCore(builder.Configuration);
    builder.Services.AddSelfHostedAdapters(builder.Configuration);
    builder.Services.AddSettings<QueueSettings>(builder.Configuration);
    builder.Services.AddSingleton<QueueSignals>();
    builder.Services.AddHostedService<QueueNotificationListener>();
    builder.Services.AddHostedService<QueueWorker>();
    builder.Services.AddLicensing(builder.Configuration);
    builder.Services.AddProducts().AddPartners(builder.Configuration).AddUpdates();
    builder.Services.AddAccounts(builder.Configuration);
    builder.Services.AddApiDocument();
    builder.Services.AddMetricsEndpoint();
    builder.Services.AddInvoices(builder.Configuration).AddSelfHostedInvoiceWorkers();
    builder.Services.AddAccounting(builder.Configuration).AddSelfHostedAccountingWorkers();
    builder.Services.AddTenantWebhooks(builder.Configuration).AddSelfHostedEventWorkers();
    builder.Services.AddWebApp(builder.Configuration);

    var app = builder.Build();

    // Settings first, as the function apps do (FunctionAppStartup.Run): left to ValidateOnStart inside RunAsync, a bad
    // setting is first logged by the host ("Hosting failed to start", with the whole stack trace) before our one line.
    app.Services.GetService<IStartupValidator>()?.Validate();

    app.UseMiddleware<ExceptionEnvelopeMiddleware>();
    app.UseEmptyErrorEnvelope();

    var api = app.MapGroup("/api");
    api.MapGet(HealthRoutes.Health, (HealthHandler handler, HttpContext context) => handler.HandleAsync(context));
    api.MapLicensingEndpoints();
    api.MapProductEndpoints();
    api.MapPartnerEndpoints();
    api.MapUpdateEndpoints();
    api.MapAccountEndpoints();
    api.MapInvoiceEndpoints();
    api.MapAccountingEndpoints();
    api.MapAdminWebhookEndpoints().MapTenantWebhookEndpoints().MapEmailEndpoints();
    app.MapApiDocument();
    app.MapMetricsEndpoint();
    app.MapWebApp();

    await app.RunAsync();
}
catch (Exception e) when (ConfigurationError.Describe(e) is { } message)
{
    // One clear line naming the bad setting, not a stack trace.
    Console.Error.WriteLine(message);
    Environment.ExitCode = ConfigurationError.ExitCode;
}

/// <summary>Exposed so the tests can host the app in-process.</summary>
public partial class Program;
