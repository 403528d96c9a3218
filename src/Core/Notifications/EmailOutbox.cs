using Dapper;
using Npgsql;

namespace Backend.Core.Notifications;

/// <summary>Queues e-mails in the caller's transaction; <see cref="EmailSender"/> sends them when the mail server takes them.</summary>
public sealed class EmailOutbox(TimeProvider time)
{
    public async Task<bool> EnqueueAsync(NpgsqlTransaction transaction, OutgoingEmail email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO email_outbox (cause, kind, recipient, subject, body_text, next_attempt_at, created_at)
            VALUES (@Cause, @Kind, @Recipient, @Subject, @BodyText, @now, @now)
            ON CONFLICT (cause) DO NOTHING
            """,
            new { email.Cause, email.Kind, email.Recipient, email.Subject, email.BodyText, now }, transaction, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>
    /// The unsubscribe token of an address (made on first use), or null once it unsubscribed from reminders.
    /// </summary>
    public static async Task<string?> ReminderTokenAsync(NpgsqlTransaction transaction, string email, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var row = await transaction.Connection!.QuerySingleAsync<(string Token, DateTimeOffset? UnsubscribedAt)>(new CommandDefinition("""
            INSERT INTO email_subscriptions (email, token) VALUES (lower(@email), @token)
            ON CONFLICT (email) DO UPDATE SET email = excluded.email
            RETURNING token, unsubscribed_at
            """, new { email, token }, transaction, cancellationToken: cancellationToken));
        return row.UnsubscribedAt is null ? row.Token : null;
    }
}
