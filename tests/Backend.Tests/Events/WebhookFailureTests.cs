using System.Net;
using Backend.Core.Events;
using Backend.Core.Webhooks;
using Backend.Tests.Licensing;
using Dapper;

namespace Backend.Tests.Events;

/// <summary>Persistent failure disables an endpoint and tells its owner; two instances and a crash deliver each event once.</summary>
public sealed class WebhookFailureTests : IClassFixture<EventsHost>
{
    private readonly EventsHost _host;

    public WebhookFailureTests(EventsHost host) => _host = host;

    [Fact]
    public async Task An_endpoint_failing_for_the_whole_schedule_is_disabled_and_its_owner_gets_an_email()
    {
        var receiver = new WebhookReceiver { Status = 500 };
        await receiver.StartAsync();
        await using var _ = receiver;
        var owner = $"owner-{Guid.NewGuid():N}@exemple.fr";
        var (id, _) = await _host.RegisterAsync(receiver.Url, [EventTypes.LicenseTrialStarted], owner);
        await _host.TrialAsync(LicensingHost.NewMachineId());

        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        var elapsed = TimeSpan.Zero;
        foreach (var wait in WebhookRetrySchedule.Delays)
        {
            _host.Clock.Advance(wait);
            elapsed += wait;
            await _host.Dispatcher.DrainAsync(CancellationToken.None);
        }
        Assert.True(elapsed >= TimeSpan.FromHours(24), "retries span at least 24 hours");
        Assert.Equal(WebhookRetrySchedule.MaxAttempts, receiver.Received.Count);

        var list = await Json.ReadAsync(await _host.AdminAsync(HttpMethod.Get, "/api/" + WebhookRoutes.Admin));
        var endpoint = list.GetProperty("webhooks").EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == id);
        Assert.False(endpoint.GetProperty("enabled").GetBoolean());
        Assert.Contains("HTTP 500", endpoint.GetProperty("disabled_reason").GetString(), StringComparison.Ordinal);

        // A disabled endpoint receives nothing new until it is enabled again; the failed delivery can then be sent again.
        await _host.TrialAsync(LicensingHost.NewMachineId());
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.Equal(WebhookRetrySchedule.MaxAttempts, receiver.Received.Count);

        await _host.Mail.DrainAsync(CancellationToken.None);
        var mail = Assert.Single(_host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == owner));
        Assert.Equal("Votre webhook EasyFacture a été désactivé", mail.Subject);
        Assert.Contains(receiver.Url, mail.TextBody, StringComparison.Ordinal);

        receiver.Status = 200;
        Assert.Equal(HttpStatusCode.OK, (await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.AdminEnable.Replace("{id}", id.ToString()))).StatusCode);
        var log = await Json.ReadAsync(await _host.AdminAsync(HttpMethod.Get, "/api/" + WebhookRoutes.AdminDeliveries.Replace("{id}", id.ToString())));
        var failed = log.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("status").GetString() == "failed");
        await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.AdminRedeliver.Replace("{id}", id.ToString()).Replace("{deliveryId}", failed.GetProperty("id").GetInt64().ToString()));
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.Single(receiver.Accepted);
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }

    [Fact]
    public async Task Two_instances_draining_at_once_deliver_each_event_exactly_once()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using var _ = receiver;
        var (id, _) = await _host.RegisterAsync(receiver.Url, [EventTypes.LicenseTrialStarted, EventTypes.LicenseActivated]);
        await using var second = _host.CreateFactory();
        var otherDispatcher = (Backend.Core.Webhooks.WebhookDispatcher)second.Services.GetService(typeof(Backend.Core.Webhooks.WebhookDispatcher))!;
        var machines = Enumerable.Range(0, 40).Select(_ => LicensingHost.NewMachineId()).ToList();
        foreach (var machine in machines)
        {
            await _host.TrialAsync(machine);
        }

        await Task.WhenAll(
            Task.Run(() => _host.Dispatcher.DrainAsync(CancellationToken.None)),
            Task.Run(() => otherDispatcher.DrainAsync(CancellationToken.None)),
            Task.Run(() => _host.Dispatcher.DrainAsync(CancellationToken.None)),
            Task.Run(() => otherDispatcher.DrainAsync(CancellationToken.None)));

        Assert.Equal(machines.Count, receiver.Received.Count);
        Assert.Equal(machines.Count, receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(machines.Count, await _host.CountAsync(
            "SELECT count(*) FROM events WHERE type = @type AND payload->'data'->>'machine_id' = ANY(@machines)",
            new { type = EventTypes.LicenseTrialStarted, machines = machines.ToArray() }));
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }

    [Fact]
    public async Task An_instance_killed_between_commit_and_delivery_loses_nothing_and_duplicates_nothing()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using var _ = receiver;
        var (id, _) = await _host.RegisterAsync(receiver.Url, [EventTypes.LicenseTrialStarted]);

        // Instance A commits a trial, leases its delivery, and dies before sending it.
        var doomed = _host.CreateFactory();
        var machine = LicensingHost.NewMachineId();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/trial")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { machine_id = machine, email = LicensingHost.NewEmail() }),
        };
        request.Headers.Add("X-Forwarded-For", LicensingHost.NewClientAddress());
        Assert.Equal(HttpStatusCode.Created, (await doomed.CreateClient().SendAsync(request)).StatusCode);
        await using (var connection = await _host.Database.DataSource.OpenConnectionAsync())
        {
            var leased = await connection.ExecuteAsync("""
                UPDATE webhook_deliveries SET leased_until = @until, attempts = attempts + 1
                 WHERE endpoint_id = @id AND status = 'pending'
                """, new { id, until = _host.Clock.GetUtcNow().AddMinutes(2) });
            Assert.Equal(1, leased);
        }
        await doomed.DisposeAsync();

        // Instance B leaves the leased delivery alone until the lease runs out, then delivers it once.
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.Empty(receiver.Received);
        _host.Clock.Advance(TimeSpan.FromMinutes(3));
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        await _host.Dispatcher.DrainAsync(CancellationToken.None);
        var webhook = Assert.Single(receiver.Received);
        Assert.Equal(machine, EventsHost.Payload(webhook).GetProperty("data").GetProperty("machine_id").GetString());
        await _host.AdminAsync(HttpMethod.Delete, "/api/" + WebhookRoutes.AdminOne.Replace("{id}", id.ToString()));
    }
}
