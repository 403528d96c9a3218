using Backend.Core.Audit;
using Backend.Core.Events;
using Backend.Core.Http;
using Backend.Core.Security;
using Backend.Core.Telemetry;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>DELETE admin/licenses/{machineId}</c>: revokes a machine's license at once: the answer waits until this
/// instance's license copy holds the revocation; other instances have it when their listener re-reads it (a few ms,
/// at most <see cref="LicenseStateCache.Lease"/> when their notifications stop). Idempotent: revoking again answers 200
/// with the original time and reason. A machine holds one license per product: <c>product</c> (body or query, default
/// <c>Licensing__Product</c>) says which.
/// </summary>
public sealed class RevokeHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    AuditTrail audit,
    ClientAddress clientAddress,
    LicenseStateCache states,
    TimeProvider time,
    IOptions<LicensingSettings> options,
    ILogger<RevokeHandler> logger,
    LicenseEvents events)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "reason", "product" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context, string machineIdInRoute)
    {
        var admin = await authenticator.AuthenticateAsync(context);
        if (admin is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members, allowEmpty: true);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var reason = fields.String("reason", 500, required: false);
        var queryReason = context.Request.Query["reason"].ToString();
        if (reason is null && queryReason.Length > 0)
        {
            if (queryReason.Length > 500)
            {
                fields.AddError("reason", "au plus 500 caractères");
            }
            reason = queryReason;
        }
        var product = fields.String("product", 50, required: false);
        var queryProduct = context.Request.Query["product"].ToString();
        if (product is null && queryProduct.Length > 0)
        {
            product = queryProduct;
        }
        product ??= _settings.Product;
        if (!MachineId.TryNormalize(machineIdInRoute, out var machineId))
        {
            fields.AddError("machine_id", "32 caractères hexadécimaux attendus");
        }
        if (fields.HasErrors)
        {
            return LicenseResults.BadRequest(context, fields);
        }

        var now = LicenseClock.Now(time);
        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        var revokedId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            UPDATE licenses SET is_revoked = true, is_active = false, revoked_at = @now, revoked_reason = @reason
            WHERE machine_id = @machineId AND product = @product AND NOT is_revoked
            RETURNING id
            """, new { machineId, product, now, reason }, transaction, cancellationToken: cancel));
        if (revokedId is not null)
        {
            logger.LogInformation("License {LicenseId} revoked by {Admin} (request {RequestId})", revokedId, admin.Name, RequestId.Get(context));
            await LicenseHistory.AddAsync(connection, transaction, revokedId.Value, LicenseActions.Revoked, now, clientAddress.Of(context), UserAgent.Of(context), null, null, cancel);
            await audit.RecordAsync(connection, transaction, admin, AuditActions.LicenseRevoked, machineId, new { license_id = revokedId, product, reason }, cancel);
            await events.RecordAsync(transaction, EventTypes.LicenseRevoked, revokedId.Value, cancel);
        }
        var license = await connection.QuerySingleOrDefaultAsync<LicenseRow>(new CommandDefinition(
            $"SELECT {LicenseRow.Columns} FROM licenses WHERE machine_id = @machineId AND product = @product", new { machineId, product }, transaction, cancellationToken: cancel));
        await transaction.CommitAsync(cancel);
        await states.WaitUntilCurrentAsync();
        if (license is null)
        {
            return LicenseResults.NotFound(context);
        }
        if (revokedId is not null)
        {
            LicensingMetrics.Revoked(context);
        }
        return LicenseResults.Ok(new RevokeResponse(
            revokedId is null ? "Licence déjà révoquée" : "Licence révoquée avec succès", machineId, license.RevokedAt!.Value, license.RevokedReason));
    }
}
