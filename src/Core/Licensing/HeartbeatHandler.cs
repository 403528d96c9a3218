using Backend.Core.Http;
using Backend.Core.RateLimiting;
using Dapper;
using EasyFacture.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>POST licenses/heartbeat</c>: records the app version and OS of a licensed machine, at most once per
/// window (24 h) per machine. The key is checked before the limit is counted, so nobody can spend another
/// machine's heartbeat by sending its id. The key must be one of the product the client names (default <c>Licensing__Product</c>).
/// </summary>
public sealed class HeartbeatHandler(
    NpgsqlDataSource dataSource,
    PostgresRateLimiter rateLimiter,
    LicenseKeyCheck keyCheck,
    ClientAddress clientAddress,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "machine_id", "license_key", "app_version", "os_info", "product" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var now = LicenseClock.Now(time);
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var machineId = LicenseResults.MachineIdOf(fields);
        var licenseKey = fields.String("license_key", LicenseKeyFormat.MaxKeyLength, required: true);
        var appVersion = fields.String("app_version", 20, required: false);
        var osInfo = fields.String("os_info", 200, required: false);
        var product = fields.String("product", 50, required: false) ?? _settings.Product;
        if (fields.HasErrors)
        {
            return LicenseResults.BadRequest(context, fields);
        }
        var verification = keyCheck.Verify(licenseKey!, machineId!);
        if (verification.Result == LicenseCheck.WrongMachine)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, LicenseErrorCodes.LicenseMachineMismatch,
                "Cette clé de licence appartient à une autre machine.", new Dictionary<string, string> { ["license_key"] = "émise pour une autre machine" });
        }
        if (verification.Result != LicenseCheck.Valid)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, LicenseErrorCodes.InvalidLicenseKey,
                "Clé de licence invalide.", new Dictionary<string, string> { ["license_key"] = "clé absente, altérée ou inconnue" });
        }

        if (verification.Claims!.Product != product)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, LicenseErrorCodes.LicenseProductMismatch,
                "Cette clé de licence est celle d'un autre produit.", new Dictionary<string, string> { ["product"] = $"la clé est du produit {verification.Claims.Product}" });
        }

        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        var licenseId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM licenses WHERE id = @id AND machine_id = @machineId", new { id = verification.Claims!.LicenseId, machineId }, cancellationToken: cancel));
        if (licenseId is null)
        {
            return LicenseResults.NotFound(context);
        }
        var decision = await rateLimiter.HitAsync(RateLimitBuckets.Heartbeat, machineId!, _settings.RateLimits.Heartbeat, now, cancel);
        if (!decision.Allowed)
        {
            return LicenseResults.RateLimited(context, decision);
        }
        var ip = clientAddress.Of(context);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO heartbeats (license_id, app_version, os_info, ip_address, created_at) VALUES (@licenseId, @appVersion, @osInfo, @ip::inet, @now);
            UPDATE licenses SET last_heartbeat_at = @now, app_version = coalesce(@appVersion, app_version), os_info = coalesce(@osInfo, os_info)
            WHERE id = @licenseId;
            """, new { licenseId, appVersion, osInfo, ip = ip?.ToString(), now }, transaction, cancellationToken: cancel));
        await LicenseHistory.AddAsync(connection, transaction, licenseId.Value, LicenseActions.Heartbeat, now, ip, UserAgent.Of(context), appVersion, osInfo, cancel);
        await transaction.CommitAsync(cancel);
        return LicenseResults.Ok(new HeartbeatResponse("Heartbeat enregistré", now));
    }
}
