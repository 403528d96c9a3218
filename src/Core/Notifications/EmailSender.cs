using Dapper;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace Backend.Core.Notifications;

/// <summary>
/// One round of e-mail sending: lease the due e-mails of the outbox, hand them to the SMTP server (MailKit), mark them
/// sent. A server that is down or refuses for now delays them with backoff (at most 15 minutes apart) and never drops
/// them; only a permanent refusal of the recipient (5xx) ends an e-mail as failed. Safe from several instances at once.
/// </summary>
public sealed class EmailSender(NpgsqlDataSource dataSource, TimeProvider time, IOptions<EmailSettings> options, ILogger<EmailSender> logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);
    private readonly EmailSettings _settings = options.Value;

    /// <returns>How many e-mails the server took.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_settings.SmtpHost))
        {
            return 0;
        }
        var leased = await LeaseAsync(cancellationToken);
        if (leased.Count == 0)
        {
            return 0;
        }
        using var client = new SmtpClient { Timeout = _settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(_settings.SmtpHost, _settings.SmtpPort, SocketOptions(), cancellationToken);
            if (!string.IsNullOrEmpty(_settings.Username))
            {
                await client.AuthenticateAsync(_settings.Username, _settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Mail server {Host}:{Port} unavailable ({Error}); {Count} e-mail(s) wait for the next round",
                _settings.SmtpHost, _settings.SmtpPort, e.Message, leased.Count);
            foreach (var email in leased)
            {
                await RescheduleAsync(email, e.Message, cancellationToken);
            }
            return 0;
        }
        var sent = 0;
        for (var i = 0; i < leased.Count; i++)
        {
            var email = leased[i];
            try
            {
                await client.SendAsync(ToMime(email), cancellationToken);
                await MarkAsync(email, "sent", null, cancellationToken);
                sent++;
            }
            catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
            {
                logger.LogWarning("E-mail {EmailId} refused for good by the mail server: {Error}", email.Id, e.Message);
                await MarkAsync(email, "failed", e.Message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RescheduleAsync(email, e.Message, cancellationToken);
                if (!client.IsConnected)
                {
                    foreach (var rest in leased.Skip(i + 1))
                    {
                        await RescheduleAsync(rest, e.Message, cancellationToken);
                    }
                    break;
                }
            }
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return sent;
    }

    /// <summary>Rounds until nothing is due or the server stops taking mail.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int sent;
        do
        {
            sent = await RunOnceAsync(cancellationToken);
            total += sent;
        }
        while (sent > 0);
        return total;
    }

    private SecureSocketOptions SocketOptions() => _settings.TlsMode.ToLowerInvariant() switch
    {
        "ssl" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private MimeMessage ToMime(LeasedEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_settings.From));
        message.To.Add(MailboxAddress.Parse(email.Recipient));
        message.Subject = email.Subject;
        // Stable across retries, so a server or client that got it twice (a crash after sending) can tell.
        message.MessageId = $"email-{email.Id}@{MailboxAddress.Parse(_settings.From).Domain}";
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.BodyText };
        var unsubscribe = email.BodyText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("/" + EmailRoutes.Unsubscribe + "?token=", StringComparison.Ordinal));
        if (unsubscribe is not null)
        {
            var url = unsubscribe[unsubscribe.IndexOf("http", StringComparison.Ordinal)..];
            message.Headers.Add("List-Unsubscribe", $"<{url}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private async Task<List<LeasedEmail>> LeaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseUntil = now.AddSeconds(_settings.TimeoutSeconds * (BatchSize + 2));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LeasedEmail>(new CommandDefinition("""
            UPDATE email_outbox o SET leased_until = @leaseUntil, attempts = o.attempts + 1
             WHERE o.id IN (SELECT id FROM email_outbox
                             WHERE status = 'pending' AND next_attempt_at <= @now AND leased_until <= @now
                             ORDER BY next_attempt_at, id LIMIT @BatchSize FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.attempts, o.recipient, o.subject, o.body_text
            """, new { now, leaseUntil, BatchSize }, cancellationToken: cancellationToken))).ToList();
    }

    private async Task MarkAsync(LeasedEmail email, string status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE email_outbox SET status = @status, sent_at = CASE WHEN @status = 'sent' THEN @now END,
                                    last_error = @error, leased_until = '-infinity'
             WHERE id = @Id AND attempts = @Attempts
            """, new { email.Id, email.Attempts, status, error, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private async Task RescheduleAsync(LeasedEmail email, string error, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Min(email.Attempts - 1, 10))));
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE email_outbox SET next_attempt_at = @next, leased_until = '-infinity', last_error = @error
             WHERE id = @Id AND attempts = @Attempts AND status = 'pending'
            """, new { email.Id, email.Attempts, next = now + backoff, error = error.Length > 1000 ? error[..1000] : error }, cancellationToken: CancellationToken.None));
    }

    private sealed record LeasedEmail
    {
        public long Id { get; init; }
        public int Attempts { get; init; }
        public string Recipient { get; init; } = "";
        public string Subject { get; init; } = "";
        public string BodyText { get; init; } = "";
    }
}
