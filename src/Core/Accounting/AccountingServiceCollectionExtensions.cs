using Anthropic;
using Anthropic.Core;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Accounting.Claude;
using Backend.Core.Accounting.Export;
using Backend.Core.Accounting.Http;
using Backend.Core.Configuration;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting;

public static class AccountingServiceCollectionExtensions
{
    /// <summary>
    /// Accounting for any host: the analyzers (Claude when <c>Claude__ApiKey</c> is set, else the rules), the
    /// AI-analysis attempt, the entries behind <c>GET /api/invoices/{id}</c>, the export, the HTTP handlers.
    /// Needs <c>AddInvoices</c> (tenants, invoice store, field cipher, extractor).
    /// </summary>
    public static IServiceCollection AddAccounting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AccountingSettings>(configuration);
        services.AddSettings<ClaudeSettings>(configuration);
        services.AddSettings<ExportSettings>(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<RulesInvoiceAnalyzer>();
        services.AddSingleton<IAnthropicClient>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<ClaudeSettings>>().Value;
            return new AnthropicClient(new ClientOptions
            {
                ApiKey = settings.ApiKey,
                BaseUrl = settings.BaseUrl,
                MaxRetries = settings.MaxRetries,
                Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            });
        });
        services.AddSingleton<ClaudeInvoiceAnalyzer>();
        services.AddSingleton<IInvoiceAnalyzer>(sp => sp.GetRequiredService<IOptions<ClaudeSettings>>().Value.Enabled
            ? sp.GetRequiredService<ClaudeInvoiceAnalyzer>()
            : sp.GetRequiredService<RulesInvoiceAnalyzer>());
        services.AddSingleton<EntryProposer>();

        services.AddSingleton<AccountingEntryStore>();
        services.RemoveAll<IAccountingEntriesReader>();
        services.AddSingleton<IAccountingEntriesReader>(sp => sp.GetRequiredService<AccountingEntryStore>());
        services.AddSingleton<InvoiceAnalysisStore>();
        services.AddSingleton<SupplierAccountStore>();
        services.AddSingleton<EntryEdits>();
        services.AddSingleton<AiAnalysisAttempt>();
        services.AddSingleton<AiAnalysisJobHandler>();

        services.AddSingleton<AccountingExport>();
        services.TryAddSingleton<IExportLinkIssuer, RouteExportLinkIssuer>();
        services.AddSingleton<SageExportHandler>();
        services.AddSingleton<ExportBatchStore>();
        services.AddSingleton<ListExportBatchesHandler>();
        services.AddSingleton<ExportDownloadHandler>();
        services.AddSingleton<SupplierAccountsHandler>();
        return services;
    }

    /// <summary>SelfHost only: the AI-analysis handler on the PostgreSQL queue.</summary>
    public static IServiceCollection AddSelfHostedAccountingWorkers(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, AiAnalysisJobHandler>();
        return services;
    }
}
