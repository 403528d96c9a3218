using Backend.Core.Configuration;
using Backend.Core.Notifications;
using Backend.Core.Webhooks;
using Backend.Core.Webhooks.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Core.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>Recording events (every host whose handlers cause them): the outbox and the invoice events.</summary>
    public static IServiceCollection AddEventRecording(this IServiceCollection services)
    {
        services.TryAddSingleton<EventOutbox>();
        services.TryAddSingleton<EmailOutbox>();
        services.TryAddSingleton<InvoiceEvents>();
        return services;
    }

    /// <summary>Webhook endpoints' registration (both apps: each owner registers where its API is).</summary>
    public static IServiceCollection AddWebhookRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(WebhookEndpointOperations)))
        {
            return services;
        }
        services.AddEventRecording();
        services.AddSettings<WebhookSettings>(configuration);
        services.TryAddSingleton<WebhookAddressGuard>();
        services.TryAddSingleton<WebhookEndpointOperations>();
        return services;
    }

    /// <summary>
    /// License events, e-mails and delivery (license app, SelfHost): the license events with their e-mails, the expiry
    /// scan, the webhook dispatcher and the e-mail sender, the vendor's webhook routes and the unsubscribe link.
    /// </summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookRegistration(configuration);
        services.AddSettings<EventsSettings>(configuration);
        services.AddSettings<EmailSettings>(configuration);
        services.TryAddSingleton<LicenseEvents>();
        services.TryAddSingleton<LicenseExpiryScan>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<EmailSender>();
        services.TryAddSingleton<AdminWebhooksHandler>();
        services.TryAddSingleton<UnsubscribeHandler>();
        return services;
    }

    /// <summary>A tenant's webhook routes (OCR app, SelfHost); needs the invoices' tenant authentication.</summary>
    public static IServiceCollection AddTenantWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookRegistration(configuration);
        services.TryAddSingleton<TenantWebhooksHandler>();
        return services;
    }

    /// <summary>SelfHost's stand-ins for the timer functions: delivery and e-mail rounds, and the expiry scan.</summary>
    public static IServiceCollection AddSelfHostedEventWorkers(this IServiceCollection services)
    {
        services.AddHostedService<SelfHosted.OutboxDeliveryService>();
        services.AddHostedService<SelfHosted.LicenseExpiryScanService>();
        return services;
    }
}
