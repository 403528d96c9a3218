using Anthropic;
using Anthropic.Core;
using Backend.Core.Accounting.Claude;
using Backend.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting;

public static class AccountingServiceCollectionExtensions
{
    /// <summary>The analyzers (Claude when <c>Claude__ApiKey</c> is set, else the rules) and the proposer that checks them.</summary>
    public static IServiceCollection AddAccounting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AccountingSettings>(configuration);
        services.AddSettings<ClaudeSettings>(configuration);
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
        return services;
    }
}
