using Backend.Core.Events;
using Backend.Tests.Licensing;
using StandardWebhooks;

namespace Backend.Tests.Events;

/// <summary>
/// The StandardWebhooks library's own verifier accepts what we send. It checks the timestamp against the real clock,
/// so this class has a host of its own whose manual clock is never moved.
/// </summary>
public sealed class SignatureLibraryTests : IClassFixture<EventsHost>
{
    private readonly EventsHost _host;

    public SignatureLibraryTests(EventsHost host) => _host = host;

    [Fact]
    public async Task The_library_verifies_a_delivered_webhook_and_refuses_it_with_another_secret_or_body()
    {
        var (_, secret) = await _host.RegisterAsync(events: [EventTypes.LicenseTrialStarted]);
        await _host.TrialAsync(LicensingHost.NewMachineId());
        await _host.Dispatcher.DrainAsync(CancellationToken.None);

        var webhook = Assert.Single(_host.Receiver.Received);
        new StandardWebhook(secret).Verify(webhook.Body, webhook.Headers);
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(Backend.Core.Webhooks.WebhookSecret.New()).Verify(webhook.Body, webhook.Headers));
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(secret).Verify(webhook.Body + " ", webhook.Headers));
    }
}
