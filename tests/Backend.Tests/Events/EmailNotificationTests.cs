using System.Net;
using Backend.Core.Events;
using Backend.Tests.Infrastructure;
using Backend.Tests.Licensing;

namespace Backend.Tests.Events;

/// <summary>E-mails to license holders, in French, through a real SMTP server; a server down delays them and loses none.</summary>
public sealed class EmailNotificationTests : IClassFixture<EventsHost>
{
    private readonly EventsHost _host;

    public EmailNotificationTests(EventsHost host) => _host = host;

    [Fact]
    public async Task A_trial_sends_its_key_and_end_date_in_french_once()
    {
        var email = LicensingHost.NewEmail();
        var trial = await _host.TrialAsync(LicensingHost.NewMachineId(), email);
        await _host.Mail.DrainAsync(CancellationToken.None);
        await _host.Mail.DrainAsync(CancellationToken.None);

        var mail = Assert.Single(_host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("Votre essai EasyFacture a commencé", mail.Subject);
        Assert.Contains(trial.GetProperty("license_key").GetString()!, mail.TextBody, StringComparison.Ordinal);
        var expires = trial.GetProperty("expires_at").GetDateTimeOffset();
        Assert.Contains(expires.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("no-reply@easyfacture.test", mail.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Activation_and_revocation_each_send_one_email()
    {
        var email = LicensingHost.NewEmail();
        var machine = LicensingHost.NewMachineId();
        var code = (await _host.CreateCodesAsync("annual", 365))[0];
        await _host.ActivateAsync(machine, code, email);
        await _host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "remboursement" });
        await _host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "remboursement" });
        await _host.Mail.DrainAsync(CancellationToken.None);

        var subjects = _host.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == email)).Select(m => m.Subject).OrderBy(s => s).ToList();
        Assert.Equal(["Votre licence EasyFacture a été révoquée", "Votre licence EasyFacture est activée"], subjects);
        Assert.Contains("remboursement", _host.Smtp.Messages.Single(m => m.Subject!.Contains("révoquée") && m.To.Mailboxes.Any(a => a.Address == email)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_down_for_two_minutes_loses_no_mail_and_sends_it_once_when_back()
    {
        var emails = Enumerable.Range(0, 5).Select(_ => LicensingHost.NewEmail()).ToList();
        await _host.Smtp.StopAsync();
        try
        {
            foreach (var email in emails)
            {
                await _host.TrialAsync(LicensingHost.NewMachineId(), email);
            }
            Assert.Equal(0, await _host.Mail.DrainAsync(CancellationToken.None));
            for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(2); elapsed += TimeSpan.FromSeconds(30))
            {
                _host.Clock.Advance(TimeSpan.FromSeconds(30));
                Assert.Equal(0, await _host.Mail.DrainAsync(CancellationToken.None));
            }
            Assert.Equal(emails.Count, await _host.CountAsync(
                "SELECT count(*) FROM email_outbox WHERE status = 'pending' AND last_error IS NOT NULL AND recipient = ANY(@emails)", new { emails = emails.ToArray() }));
        }
        finally
        {
            _host.Smtp.Start();
        }
        // Backoff grows to at most 15 minutes: everything goes within that once the server is back.
        _host.Clock.Advance(TimeSpan.FromMinutes(15));
        await _host.Mail.DrainAsync(CancellationToken.None);
        await _host.Mail.DrainAsync(CancellationToken.None);

        foreach (var email in emails)
        {
            Assert.Single(_host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == email));
        }
        Assert.Equal(0, await _host.CountAsync("SELECT count(*) FROM email_outbox WHERE status <> 'sent' AND recipient = ANY(@emails)", new { emails = emails.ToArray() }));
    }

    [Fact]
    public async Task Expiry_reminders_go_7_days_and_1_day_before_once_each_across_instances_and_stop_after_unsubscribing()
    {
        var email = LicensingHost.NewEmail();
        var machine = LicensingHost.NewMachineId();
        var trial = await _host.TrialAsync(machine, email);
        var expiresAt = trial.GetProperty("expires_at").GetDateTimeOffset();
        await using var second = _host.CreateFactory();
        var otherScan = (LicenseExpiryScan)second.Services.GetService(typeof(LicenseExpiryScan))!;

        async Task ScanEverywhereAsync() => await Task.WhenAll(
            Task.Run(() => _host.ExpiryScan.ScanAsync(CancellationToken.None)),
            Task.Run(() => otherScan.ScanAsync(CancellationToken.None)),
            Task.Run(() => _host.ExpiryScan.ScanAsync(CancellationToken.None)));

        // The second instance's own sending round (run once at its start) may hold an e-mail this test drains: wait until it is out.
        async Task SendAllAsync()
        {
            await _host.Mail.DrainAsync(CancellationToken.None);
            await Eventually.TrueAsync(async () => await _host.CountAsync(
                "SELECT count(*) FROM email_outbox WHERE recipient = @email AND status <> 'sent'", new { email }) == 0);
        }

        _host.Clock.Advance(expiresAt - _host.Clock.GetUtcNow() - TimeSpan.FromDays(6.5));
        await ScanEverywhereAsync();
        await ScanEverywhereAsync();
        await SendAllAsync();
        var reminder = Assert.Single(_host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.Contains("expire"));
        Assert.Equal("Votre licence EasyFacture expire dans 7 jours", reminder.Subject);
        Assert.Contains("https://easyfacture.com/renew", reminder.TextBody, StringComparison.Ordinal);
        Assert.True(reminder.Headers.Contains("List-Unsubscribe"));
        var link = reminder.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/api/v1/email/unsubscribe?token=", StringComparison.Ordinal));
        var unsubscribePath = link[link.IndexOf("/api/", StringComparison.Ordinal)..];

        _host.Clock.Advance(TimeSpan.FromDays(6));
        await ScanEverywhereAsync();
        await SendAllAsync();
        Assert.Single(_host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Votre licence EasyFacture expire demain");
        Assert.Equal(2, await _host.CountAsync("SELECT count(*) FROM events WHERE type = @type AND payload->'data'->>'machine_id' = @machine",
            new { type = EventTypes.LicenseExpiring, machine }));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        await ScanEverywhereAsync();
        Assert.Equal(1, await _host.CountAsync("SELECT count(*) FROM events WHERE type = @type AND payload->'data'->>'machine_id' = @machine",
            new { type = EventTypes.LicenseExpired, machine }));

        // Unsubscribed, a renewed license's reminders are recorded as events but send no e-mail.
        var unsubscribe = await _host.Client.GetAsync(unsubscribePath);
        Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        var code = (await _host.CreateCodesAsync("monthly", 30))[0];
        var renewed = await _host.ActivateAsync(machine, code, email);
        _host.Clock.Advance(renewed.GetProperty("expires_at").GetDateTimeOffset() - _host.Clock.GetUtcNow() - TimeSpan.FromDays(3));
        await ScanEverywhereAsync();
        await SendAllAsync();
        Assert.Equal(3, await _host.CountAsync("SELECT count(*) FROM events WHERE type = @type AND payload->'data'->>'machine_id' = @machine",
            new { type = EventTypes.LicenseExpiring, machine }));
        Assert.Equal(2, _host.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.Contains("expire")));

        var unknown = await _host.Client.GetAsync("/api/v1/email/unsubscribe?token=inconnu");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
