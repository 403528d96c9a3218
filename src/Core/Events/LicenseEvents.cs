using Backend.Core.Notifications;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Events;

/// <summary>
/// The license events and the e-mail each one sends its holder, recorded in the transaction of the change:
/// a handler adds one line, <c>await events.RecordAsync(transaction, EventTypes.LicenseActivated, id, cancel)</c>.
/// </summary>
public sealed class LicenseEvents(EventOutbox outbox, EmailOutbox emails, IOptions<EmailSettings> emailOptions)
{
    /// <param name="cause">
    /// What distinguishes this occurrence from others of the same type for the license (a renewal's new expiry, the reminder's
    /// day); by default the license's current expiry, so a trial starts once and a renewal is a new activation.
    /// </param>
    public async Task<bool> RecordAsync(NpgsqlTransaction transaction, string type, long licenseId, CancellationToken cancellationToken,
        string? cause = null, string? renewalUrl = null)
    {
        var license = await transaction.Connection!.QuerySingleAsync<LicenseSnapshot>(new CommandDefinition("""
            SELECT id, machine_id, email, product, license_type, license_key, expires_at, revoked_at, revoked_reason
              FROM licenses WHERE id = @licenseId
            """, new { licenseId }, transaction, cancellationToken: cancellationToken));
        cause ??= license.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fullCause = $"{type}:{licenseId}:{cause}";
        var daysLeft = type == EventTypes.LicenseExpiring ? (cause.StartsWith("1d", StringComparison.Ordinal) ? 1 : 7) : (int?)null;
        var recorded = await outbox.RecordAsync(transaction, new NewEvent(type, $"license:{licenseId}", fullCause, null, new
        {
            license_id = license.Id,
            machine_id = license.MachineId,
            email = license.Email,
            product = license.Product,
            license_type = license.LicenseType,
            expires_at = license.ExpiresAt,
            days_remaining = daysLeft,
            revoked_at = license.RevokedAt,
            revoked_reason = license.RevokedReason,
        }), cancellationToken);
        if (!recorded)
        {
            return false;
        }
        var email = await EmailFor(transaction, type, license, daysLeft, renewalUrl, cancellationToken);
        if (email is { } message)
        {
            await emails.EnqueueAsync(transaction, new OutgoingEmail(fullCause, EmailKind(type), license.Email, message.Subject, message.Body), cancellationToken);
        }
        return true;
    }

    private async Task<(string Subject, string Body)?> EmailFor(NpgsqlTransaction transaction, string type, LicenseSnapshot license, int? daysLeft,
        string? renewalUrl, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case EventTypes.LicenseTrialStarted:
                return LicenseEmails.TrialStarted(license.LicenseKey, license.ExpiresAt);
            case EventTypes.LicenseActivated:
                return LicenseEmails.Activated(license.LicenseType, license.ExpiresAt);
            case EventTypes.LicenseRevoked:
                return LicenseEmails.Revoked(license.RevokedReason);
            case EventTypes.LicenseExpiring:
                var token = await EmailOutbox.ReminderTokenAsync(transaction, license.Email, cancellationToken);
                if (token is null)
                {
                    return null;
                }
                var unsubscribe = $"{emailOptions.Value.PublicBaseUrl.TrimEnd('/')}/api/{Notifications.EmailRoutes.Unsubscribe}?token={token}";
                return LicenseEmails.Expiring(license.ExpiresAt, daysLeft!.Value, renewalUrl ?? "", unsubscribe);
            default:
                return null;
        }
    }

    private static string EmailKind(string type) => type switch
    {
        EventTypes.LicenseTrialStarted => LicenseEmails.TrialStartedKind,
        EventTypes.LicenseActivated => LicenseEmails.ActivatedKind,
        EventTypes.LicenseRevoked => LicenseEmails.RevokedKind,
        _ => LicenseEmails.ExpiringKind,
    };

    private sealed record LicenseSnapshot
    {
        public long Id { get; init; }
        public string MachineId { get; init; } = "";
        public string Email { get; init; } = "";
        public string Product { get; init; } = "";
        public string LicenseType { get; init; } = "";
        public string LicenseKey { get; init; } = "";
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public string? RevokedReason { get; init; }
    }
}
