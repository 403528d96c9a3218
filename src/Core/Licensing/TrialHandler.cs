using Backend.Core.Events;
using Backend.Core.Http;
using Backend.Core.Products;
using Backend.Core.RateLimiting;
using Backend.Core.Telemetry;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>POST licenses/trial</c>: one trial per machine and product, ever, as long as the product's <c>trial_days</c>;
/// a capped number per email address and product.
/// </summary>
public sealed class TrialHandler(
    NpgsqlDataSource dataSource,
    PostgresRateLimiter rateLimiter,
    ClientAddress clientAddress,
    LicenseIssuer issuer,
    TimeProvider time,
    IOptions<LicensingSettings> options,
    ILogger<TrialHandler> logger,
    LicenseEvents events)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "machine_id", "email", "product", "version" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var now = LicenseClock.Now(time);
        var ip = clientAddress.Of(context);
        var decision = await rateLimiter.HitAsync(RateLimitBuckets.Trial, clientAddress.RateLimitSubject(ip), _settings.RateLimits.Trial, now, context.RequestAborted);
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
        var email = LicenseResults.EmailOf(fields);
        var product = fields.String("product", 50, required: false) ?? _settings.Product;
        var version = fields.String("version", 20, required: false);
        if (!ProductCode.IsValid(product))
        {
            fields.AddError("product", "lettres minuscules, chiffres, - ou _");
        }
        if (fields.HasErrors)
        {
            return LicenseResults.BadRequest(context, fields);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(context.RequestAborted);
        // Serialises trials of one email address so the per-email cap holds under concurrency.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(100, hashtext(lower(@email)))",
            new { email }, transaction, cancellationToken: context.RequestAborted));

        var catalogued = await ProductStore.FindAsync(connection, transaction, product, context.RequestAborted);
        if (catalogued is null)
        {
            fields.AddError("product", "produit inconnu");
            return LicenseResults.BadRequest(context, fields);
        }
        var existing = await ExistingAsync(connection, transaction, machineId!, product, context.RequestAborted);
        if (existing is not null)
        {
            return AlreadyExists(context, existing, now);
        }
        var trials = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM licenses WHERE lower(email) = lower(@email) AND product = @product AND trial_started_at IS NOT NULL",
            new { email, product }, transaction, cancellationToken: context.RequestAborted));
        if (trials >= _settings.MaxTrialsPerEmail)
        {
            return ApiError.Result(context, StatusCodes.Status409Conflict, LicenseErrorCodes.TrialLimitReached,
                "Le nombre maximal de licences trial pour cette adresse e-mail est atteint.",
                new Dictionary<string, string> { ["email"] = $"au plus {_settings.MaxTrialsPerEmail} trials par adresse" });
        }

        var id = await LicenseIssuer.NextIdAsync(connection, transaction, context.RequestAborted);
        var expiresAt = LicenseTypes.ExpiryFrom(LicenseTypes.Trial, now, catalogued.TrialDays);
        var key = issuer.Sign(id, machineId!, LicenseTypes.Trial, product, now, expiresAt);
        var inserted = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO licenses (id, machine_id, email, product, license_key, signing_key_id, license_type,
                                  created_at, trial_started_at, expires_at, app_version, ip_address, user_agent)
            VALUES (@id, @machineId, @email, @product, @key, @keyId, 'trial', @now, @now, @expiresAt, @version, @ip::inet, @userAgent)
            ON CONFLICT (machine_id, product) DO NOTHING
            RETURNING id
            """,
            new { id, machineId, email, product, key, keyId = issuer.CurrentKeyId, now, expiresAt, version, ip = ip?.ToString(), userAgent = UserAgent.Of(context) },
            transaction, cancellationToken: context.RequestAborted));
        if (inserted is null)
        {
            // Another request for the same machine won the race after our check.
            await transaction.RollbackAsync(context.RequestAborted);
            await using var again = await dataSource.OpenConnectionAsync(context.RequestAborted);
            return AlreadyExists(context, (await ExistingAsync(again, null, machineId!, product, context.RequestAborted))!, now);
        }
        await LicenseHistory.AddAsync(connection, transaction, id, LicenseActions.TrialCreated, now, ip, UserAgent.Of(context), version, null, context.RequestAborted);
        await events.RecordAsync(transaction, EventTypes.LicenseTrialStarted, id, context.RequestAborted);
        await transaction.CommitAsync(context.RequestAborted);

        logger.LogInformation("Trial license {LicenseId} created (request {RequestId})", id, RequestId.Get(context));
        LicensingMetrics.TrialIssued(context);
        return LicenseResults.Ok(new LicenseIssuedResponse(key, LicenseTypes.Trial, expiresAt, DaysRemaining.Until(expiresAt, now),
            "Licence trial créée avec succès"), StatusCodes.Status201Created);
    }

    private static Task<LicenseRow?> ExistingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string machineId, string product, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<LicenseRow>(new CommandDefinition(
            $"SELECT {LicenseRow.Columns} FROM licenses WHERE machine_id = @machineId AND product = @product", new { machineId, product }, transaction, cancellationToken: cancellationToken));

    private static IResult AlreadyExists(HttpContext context, LicenseRow existing, DateTimeOffset now) =>
        ApiError.Result(context, StatusCodes.Status409Conflict, LicenseErrorCodes.TrialAlreadyExists,
            "Une licence trial existe déjà pour cette machine",
            extra: new Dictionary<string, object?>
            {
                ["existing_license"] = new ExistingLicense(existing.LicenseType, existing.ExpiresAt, DaysRemaining.Until(existing.ExpiresAt, now)),
            });
}
