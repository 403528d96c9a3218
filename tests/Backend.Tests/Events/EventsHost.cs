using System.Net;
using System.Text.Json;
using Backend.Core.Events;
using Backend.Core.Notifications;
using Backend.Core.Webhooks;
using Backend.Tests.Infrastructure;
using Backend.Tests.Licensing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Events;

/// <summary>
/// SelfHost on its own database and manual clock, with a real webhook receiver and a real SMTP server. The hosts'
/// own delivery loops wait an hour before their first round, so the tests drive each round themselves.
/// </summary>
public class EventsHost : LicensingHost, IAsyncLifetime
{
    public EventsHost()
        : base(
            ("Webhooks:AllowPrivateNetworks", "true"),
            ("Webhooks:PollIntervalMilliseconds", "3600000"),
            ("Events:ExpiryScanIntervalSeconds", "86400"),
            ("Email:SmtpHost", "127.0.0.1"),
            ("Email:TlsMode", "none"),
            ("Email:TimeoutSeconds", "5"),
            ("Email:From", "EasyFacture <no-reply@easyfacture.test>"),
            ("Email:PublicBaseUrl", "https://licences.easyfacture.test"))
    {
        Settings["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public WebhookReceiver Receiver { get; } = new();

    public TestSmtpServer Smtp { get; } = new();

    public WebhookDispatcher Dispatcher => Factory.Services.GetRequiredService<WebhookDispatcher>();

    public EmailSender Mail => Factory.Services.GetRequiredService<EmailSender>();

    public LicenseExpiryScan ExpiryScan => Factory.Services.GetRequiredService<LicenseExpiryScan>();

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Receiver.StartAsync();
        Smtp.Start();
    }

    public new async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Registers a vendor endpoint for <paramref name="events"/> (all license events by default).</summary>
    public async Task<(Guid Id, string Secret)> RegisterAsync(string? url = null, string[]? events = null, string? ownerEmail = "ops@easyfacture.test")
    {
        var response = await AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.Admin,
            new { url = url ?? Receiver.Url, events = events ?? EventTypes.License.ToArray(), description = "CRM", owner_email = ownerEmail });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static JsonElement Payload(ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement;
}
