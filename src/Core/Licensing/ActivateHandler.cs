using Backend.Core.Events;
using Backend.Core.Http;
using Backend.Core.RateLimiting;
using Backend.Core.Telemetry;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>POST licenses/activate</c>: redeems a single-use activation code for a machine, upgrading its trial or
/// extending its paid license. The code row is locked for the whole transaction, so of concurrent redemptions
/// exactly one wins; the others then see it used. Redeeming the same code again on the same machine is
/// idempotent and answers the license it produced. A code belongs to a product: it activates that product's license of
/// the machine, and only when the client names that product (<c>product</c>, default <c>Licensing__Product</c>).
/// </summary>
public sealed class ActivateHandler(
    NpgsqlDataSource dataSource,
    PostgresRateLimiter rateLimiter,
    ClientAddress clientAddress,
    LicenseIssuer issuer,
    LicenseStateCache states,
    TimeProvider time,
    IOptions<LicensingSettings> options,
    ILogger<ActivateHandler> logger,
    LicenseEvents events)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "machine_id", "activation_code", "email", "product" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var now = LicenseClock.Now(time);
        var ip = clientAddress.Of(context);
        var decision = await rateLimiter.HitAsync(RateLimitBuckets.Activate, clientAddress.RateLimitSubject(ip), _settings.RateLimits.Activate, now, context.RequestAborted);
        if (!decision.Allowed)
        {
            return LicenseResults.RateLimited(context, decision);
        }
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var machineId = LicenseResults.MachineIdOf(fields);
        var rawCode = fields.String("activation_code", 40, required: true);
        var email = LicenseResults.EmailOf(fields);
        var product = fields.String("product", 50, required: false) ?? _settings.Product;
        if (fields.HasErrors)
        {
            return LicenseResults.BadRequest(context, fields);
        }
        if (!ActivationCode.TryNormalize(rawCode, out var code))
        {
            return InvalidCode(context);
        }

        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        var activation = await connection.QuerySingleOrDefaultAsync<CodeRow>(new CommandDefinition(
            "SELECT id, product, license_type, duration_days, is_used, used_by_license_id, expires_at FROM activation_codes WHERE code = @code FOR UPDATE",
            new { code }, transaction, cancellationToken: cancel));
        if (activation is null || activation.Product != product)
        {
            return InvalidCode(context);
        }
        if (activation.IsUsed)
        {
            var redeemed = await connection.QuerySingleAsync<LicenseRow>(new CommandDefinition(
                $"SELECT {LicenseRow.Columns} FROM licenses WHERE id = @id", new { id = activation.UsedByLicenseId }, transaction, cancellationToken: cancel));
            if (redeemed.MachineId != machineId)
            {
                return InvalidCode(context);
            }
            return redeemed.IsRevoked ? Revoked(context) : Issued(redeemed.LicenseKey, redeemed.LicenseType, redeemed.ExpiresAt, now);
        }
        if (activation.ExpiresAt is { } codeExpiry && codeExpiry <= now)
        {
            return InvalidCode(context);
        }

        var current = await connection.QuerySingleOrDefaultAsync<LicenseRow>(new CommandDefinition(
            $"SELECT {LicenseRow.Columns} FROM licenses WHERE machine_id = @machineId AND product = @product FOR UPDATE", new { machineId, product }, transaction, cancellationToken: cancel));
        if (current is { IsRevoked: true })
        {
            return Revoked(context);
        }

        string type;
        DateTimeOffset expiresAt;
        if (current is { LicenseType: LicenseTypes.Lifetime })
        {
            // Nothing outlasts a lifetime license; the code is still consumed, as the customer asked.
            (type, expiresAt) = (LicenseTypes.Lifetime, current.ExpiresAt);
        }
        else
        {
            // A paid license still running is extended from its end, so renewing early loses no day.
            var start = current is not null && current.LicenseType != LicenseTypes.Trial && current.ExpiresAt > now ? current.ExpiresAt : now;
            (type, expiresAt) = (activation.LicenseType, LicenseTypes.ExpiryFrom(activation.LicenseType, start, activation.DurationDays));
        }

        var id = current?.Id ?? await LicenseIssuer.NextIdAsync(connection, transaction, cancel);
        var key = issuer.Sign(id, machineId!, type, product, now, expiresAt);
        var parameters = new
        {
            id, machineId, email, product, key, keyId = issuer.CurrentKeyId, type, code, now, expiresAt,
            ip = ip?.ToString(), userAgent = UserAgent.Of(context),
        };
        if (current is null)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO licenses (id, machine_id, email, product, license_key, signing_key_id, license_type, activation_code,
                                      created_at, activated_at, expires_at, ip_address, user_agent)
                VALUES (@id, @machineId, @email, @product, @key, @keyId, @type, @code, @now, @now, @expiresAt, @ip::inet, @userAgent)
                """, parameters, transaction, cancellationToken: cancel));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE licenses SET email = @email, license_key = @key, signing_key_id = @keyId, license_type = @type,
                                    activation_code = @code, activated_at = @now, expires_at = @expiresAt, is_active = true,
                                    ip_address = @ip::inet, user_agent = @userAgent
                WHERE id = @id
                """, parameters, transaction, cancellationToken: cancel));
        }
        var redeemedNow = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE activation_codes SET is_used = true, used_by_license_id = @id, used_at = @now WHERE id = @codeId AND NOT is_used",
            new { id, now, codeId = activation.Id }, transaction, cancellationToken: cancel));
        if (redeemedNow != 1)
        {
            // Unreachable while the row lock is held; refuse rather than hand out a second license.
            return InvalidCode(context);
        }
        await LicenseHistory.AddAsync(connection, transaction, id, LicenseActions.Activated, now, ip, UserAgent.Of(context), null, null, cancel);
        await events.RecordAsync(transaction, EventTypes.LicenseActivated, id, cancel, cause: $"code:{activation.Id}");
        await transaction.CommitAsync(cancel);
        // A validate on this instance right after the answer must see the new type and expiry.
        await states.WaitUntilCurrentAsync();
        logger.LogInformation("License {LicenseId} activated as {LicenseType} with code {CodeId} (request {RequestId})", id, type, activation.Id, RequestId.Get(context));
        LicensingMetrics.Activated(context, type);
        return Issued(key, type, expiresAt, now);
    }

    private static IResult Issued(string key, string type, DateTimeOffset expiresAt, DateTimeOffset now) =>
        LicenseResults.Ok(new LicenseIssuedResponse(key, type, expiresAt, DaysRemaining.Until(expiresAt, now), "Licence activée avec succès"));

    private static IResult InvalidCode(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, LicenseErrorCodes.InvalidActivationCode,
            "Code d'activation invalide ou déjà utilisé");

    private static IResult Revoked(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status403Forbidden, LicenseErrorCodes.LicenseRevoked,
            "La licence de cette machine a été révoquée ; contactez le support.");

    private sealed record CodeRow
    {
        public long Id { get; init; }
        public string Product { get; init; } = "";
        public string LicenseType { get; init; } = "";
        public int DurationDays { get; init; }
        public bool IsUsed { get; init; }
        public long? UsedByLicenseId { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
    }
}
