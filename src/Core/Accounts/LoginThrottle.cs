using System.Security.Cryptography;
using System.Text;
using Backend.Core.RateLimiting;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounts;

/// <summary>
/// Brute-force limits on sign-in, in PostgreSQL so they hold across instances: attempts per submitted email address
/// (counted whether or not an account has it, so a lockout says nothing about existence) and per client address.
/// Each attempt is counted before the password is checked, so concurrent guesses cannot slip past the limit; a
/// successful sign-in clears its email's counter. Failures are also counted per UTC day for the admin statistics.
/// </summary>
public sealed class LoginThrottle(PostgresRateLimiter limiter, NpgsqlDataSource dataSource, IOptions<AccountSettings> options)
{
    public const string AccountBucket = "login_account";
    public const string AddressBucket = "login_address";
    private readonly AccountSettings _settings = options.Value;

    public async Task<RateLimitDecision> HitAsync(string email, string clientSubject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byAddress = await limiter.HitAsync(AddressBucket, clientSubject, _settings.LoginPerAddress, now, cancellationToken);
        var byAccount = await limiter.HitAsync(AccountBucket, SubjectOf(email), _settings.LoginPerAccount, now, cancellationToken);
        if (byAddress.Allowed && byAccount.Allowed)
        {
            return RateLimitDecision.Allow;
        }
        return new RateLimitDecision(false, Math.Max(byAddress.RetryAfterSeconds, byAccount.RetryAfterSeconds));
    }

    public async Task ClearAccountAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM license_rate_limits WHERE bucket = @bucket AND subject = @subject",
            new { bucket = AccountBucket, subject = SubjectOf(email) }, cancellationToken: cancellationToken));
    }

    public async Task RecordFailureAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO login_failures AS f (day, failures) VALUES ((@now AT TIME ZONE 'UTC')::date, 1)
            ON CONFLICT (day) DO UPDATE SET failures = f.failures + 1
            """, new { now }, cancellationToken: cancellationToken));
    }

    /// <summary>Emails are not kept in clear in the counters: the subject is a hash of the lower-cased address.</summary>
    private static string SubjectOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..40];
}
