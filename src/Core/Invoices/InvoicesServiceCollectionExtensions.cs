using Backend.Core.Events;
using Backend.Core.Configuration;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Files;
using Backend.Core.Invoices.Http;
using Backend.Core.Invoices.SelfHosted;
using Backend.Core.Invoices.Structured;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Core.Invoices;

public static class InvoicesServiceCollectionExtensions
{
    /// <summary>The invoice pipeline for any host: tenants, intake, OCR engines, the OCR attempt, the sweeper, HTTP handlers.</summary>
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<InvoicePipelineSettings>(configuration);
        services.AddSettings<OcrSettings>(configuration);
        services.AddSettings<TextractSettings>(configuration);
        services.AddSettings<EncryptionSettings>(configuration);
        services.AddAdminAuthentication(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FieldCipher>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantAuthenticator>();
        services.AddEventRecording();
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<InvoiceIntake>();
        services.TryAddSingleton<IAccountingEntriesReader, NoAccountingEntries>();

        services.AddSingleton<LocalOcrEngine>();
        services.AddTextractClient();
        services.AddSingleton<IOcrEngine>(OcrEngineSelector.Select);
        services.TryAddSingleton<IInvoiceFieldExtractor, InvoiceFieldExtractor>();
        services.AddSingleton<StructuredInvoiceReader>();

        services.AddSingleton<OcrAttempt>();
        services.AddSingleton<OcrJobHandler>();
        services.AddSingleton<StuckInvoiceSweeper>();

        services.AddSingleton<CreateTenantHandler>();
        services.AddSingleton<ListTenantsHandler>();
        services.AddSingleton<UploadInvoiceHandler>();
        services.AddSingleton<InvoiceDetailReader>();
        services.AddSingleton<GetInvoiceHandler>();
        services.AddSingleton<ListInvoicesHandler>();
        services.AddSingleton<InvoiceStatesHandler>();
        services.AddSingleton<RetryInvoiceHandler>();
        services.AddSingleton<PatchInvoiceHandler>();
        services.AddSingleton<InvoiceFileLinks>();
        services.AddSingleton<InvoiceFileHandler>();
        return services;
    }

    /// <summary>SelfHost only: the OCR job handler on the PostgreSQL queue, the inbox directory watcher and the sweeper loop.</summary>
    public static IServiceCollection AddSelfHostedInvoiceWorkers(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<OcrJobHandler>());
        services.AddHostedService<InboxWatcher>();
        services.AddHostedService<StuckInvoiceSweeperService>();
        return services;
    }
}
