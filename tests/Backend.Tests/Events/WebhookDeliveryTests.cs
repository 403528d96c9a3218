using System.Net;
using System.Net.Http.Json;
using Backend.Core.Events;
using Backend.Core.Webhooks;
using Backend.Tests.Licensing;
using Microsoft.AspNetCore.Http;

namespace Backend.Tests.Events;

/// <summary>License events reach a real HTTP receiver signed per the Standard Webhooks specification, once each, in order.</summary>
public sealed class WebhookDeliveryTests : IClassFixture<EventsHost>
{
    private readonly EventsHost _host;

    public WebhookDeliveryTests(EventsHost host) => _host = host;

    [Fact]
    public async Task Registration_answers_201_with_a_whsec_secret_and_refuses_unknown_events()
    {
        var (id, secret) = await _host.RegisterAsync();
        Assert.NotEqual(Guid.Empty, id);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret[6..]).Length);

        var unknown = await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.Admin, new { url = _host.Receiver.Url, events = new[] { "invoice.validated" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var anonymous = await _host.Client.PostAsJsonAsync("/api/" + WebhookRoutes.Admin, new { url = _host.Receiver.Url, events = new[] { EventTypes.LicenseActivated } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }

    [Fact]
    public async Task A_trial_is_delivered_once_signed_so_that_the_receivers_own_check_verifies_it()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using var _ = receiver;
        var (id, secret) = await _host.RegisterAsync(receiver.Url, [EventTypes.LicenseTrialStarted]);
        var machine = LicensingHost.NewMachineId();
        await _host.TrialAsync(machine);

        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        await _host.Dispatcher.DrainAsync(CancellationToken.None);

        var webhook = Assert.Single(receiver.Received);
        Assert.StartsWith("evt_", webhook.Id, StringComparison.Ordinal);
        Assert.True(webhook.IsSignedWith(secret), webhook.Signature);
        Assert.False(webhook.IsSignedWith(WebhookSecret.New()));
        var tampered = webhook with { Body = webhook.Body.Replace(machine, LicensingHost.NewMachineId(), StringComparison.Ordinal) };
        Assert.False(tampered.IsSignedWith(secret));

        var payload = EventsHost.Payload(webhook);
        Assert.Equal(EventTypes.LicenseTrialStarted, payload.GetProperty("type").GetString());
        Assert.Equal(machine, payload.GetProperty("data").GetProperty("machine_id").GetString());
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }

    [Fact]
    public async Task An_endpoint_down_for_hours_gets_every_event_once_when_back_in_order_per_license()
    {
        var receiver = new WebhookReceiver { Status = 503 };
        await receiver.StartAsync();
        await using var _ = receiver;
        var (id, secret) = await _host.RegisterAsync(receiver.Url);
        var codes = await _host.CreateCodesAsync("annual", 365, 2);
        var machines = new[] { LicensingHost.NewMachineId(), LicensingHost.NewMachineId() };
        for (var i = 0; i < machines.Length; i++)
        {
            await _host.TrialAsync(machines[i]);
            await _host.ActivateAsync(machines[i], codes[i]);
        }
        var revoke = await _host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machines[0]}", new { reason = "fraude" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        // Down: the first attempts fail, then retries follow the schedule (5 s, 5 min, 30 min...).
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        foreach (var wait in WebhookRetrySchedule.Delays.Take(3))
        {
            _host.Clock.Advance(wait);
            await _host.Dispatcher.DrainAsync(CancellationToken.None);
        }
        Assert.DoesNotContain(receiver.Received, r => r.AnsweredStatus == 200);
        // Head-of-line per license: only the first event of each license was tried while down.
        Assert.Equal(2, receiver.Received.Select(r => r.Id).Distinct().Count());

        receiver.Status = 200;
        _host.Clock.Advance(WebhookRetrySchedule.Delays[3]);
        await _host.Dispatcher.DrainAsync(CancellationToken.None);

        var accepted = receiver.Accepted;
        Assert.Equal(5, accepted.Count);
        Assert.Equal(5, accepted.Select(r => r.Id).Distinct().Count());
        Assert.All(accepted, r => Assert.True(r.IsSignedWith(secret)));
        foreach (var machine in machines)
        {
            var types = accepted.Select(EventsHost.Payload)
                .Where(p => p.GetProperty("data").GetProperty("machine_id").GetString() == machine)
                .Select(p => p.GetProperty("type").GetString()).ToList();
            var expected = machine == machines[0]
                ? new[] { EventTypes.LicenseTrialStarted, EventTypes.LicenseActivated, EventTypes.LicenseRevoked }
                : new[] { EventTypes.LicenseTrialStarted, EventTypes.LicenseActivated };
            Assert.Equal(expected, types);
        }

        // The delivery log keeps every attempt: status, latency and the start of the answer.
        var log = await Json.ReadAsync(await _host.AdminAsync(HttpMethod.Get, "/api/" + WebhookRoutes.AdminDeliveries.Replace("{id}", id.ToString())));
        var first = log.GetProperty("deliveries").EnumerateArray().Last();
        Assert.Equal("delivered", first.GetProperty("status").GetString());
        var attempts = first.GetProperty("attempt_log").EnumerateArray().ToList();
        Assert.Equal(5, attempts.Count);
        Assert.Equal(503, attempts[0].GetProperty("status_code").GetInt32());
        Assert.Equal("indisponible", attempts[0].GetProperty("response_excerpt").GetString());
        Assert.Equal(200, attempts[^1].GetProperty("status_code").GetInt32());
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }

    [Fact]
    public async Task Redelivery_sends_the_same_webhook_id_again_and_a_rotated_secret_overlaps_with_the_old_one()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using var _ = receiver;
        var (id, oldSecret) = await _host.RegisterAsync(receiver.Url, [EventTypes.LicenseTrialStarted]);
        await _host.TrialAsync(LicensingHost.NewMachineId());
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        var first = Assert.Single(receiver.Received);

        var rotated = await Json.ReadAsync(await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.AdminRotateSecret.Replace("{id}", id.ToString())));
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);

        var log = await Json.ReadAsync(await _host.AdminAsync(HttpMethod.Get, "/api/" + WebhookRoutes.AdminDeliveries.Replace("{id}", id.ToString())));
        var deliveryId = log.GetProperty("deliveries")[0].GetProperty("id").GetInt64();
        var redeliver = await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.AdminRedeliver.Replace("{id}", id.ToString()).Replace("{deliveryId}", deliveryId.ToString()));
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await _host.Dispatcher.DrainAsync(CancellationToken.None);

        var again = receiver.Received.ToList()[1];
        Assert.Equal(first.Id, again.Id);
        Assert.True(again.IsSignedWith(newSecret));
        Assert.True(again.IsSignedWith(oldSecret), "during the overlap the old secret still verifies");

        _host.Clock.Advance(TimeSpan.FromHours(25));
        await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.AdminRedeliver.Replace("{id}", id.ToString()).Replace("{deliveryId}", deliveryId.ToString()));
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        var afterOverlap = receiver.Received.ToList()[2];
        Assert.True(afterOverlap.IsSignedWith(newSecret));
        Assert.False(afterOverlap.IsSignedWith(oldSecret));

        var unknown = await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.AdminRedeliver.Replace("{id}", id.ToString()).Replace("{deliveryId}", "999999999"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }
}
