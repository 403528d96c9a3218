using Backend.Core.Security;
using Dapper;
using EasyFacture.Licensing;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>GET admin/licenses/{machineId}?product=</c>: one license, its decoded key and its history, for the admin console.
/// A machine holds one license per product: without <c>product</c>, the default product's (<c>Licensing__Product</c>)
/// when it has one, else its oldest; <c>machine_products</c> names every product the machine holds a license of.
/// </summary>
public sealed class LicenseDetailHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, LicenseKeyCheck keyCheck, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<LicensingSettings> options)
{
    public const int HistoryLimit = 200;

    public async Task<IResult> HandleAsync(HttpContext context, string machineIdInRoute)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = LicenseFilter.NewErrors();
        if (!MachineId.TryNormalize(machineIdInRoute, out var machineId))
        {
            errors.AddError("machine_id", "32 caractères hexadécimaux attendus");
        }
        var product = context.Request.Query["product"].ToString();
        if (product.Length > 0 && !Products.ProductCode.IsValid(product))
        {
            errors.AddError("product", "code produit attendu");
        }
        if (errors.HasErrors)
        {
            return LicenseResults.BadRequest(context, errors);
        }
        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        var machineProducts = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT product FROM licenses WHERE machine_id = @machineId ORDER BY product", new { machineId }, cancellationToken: cancel))).ToList();
        var row = await connection.QueryFirstOrDefaultAsync<(long Id, string Key, string? OsInfo)>(new CommandDefinition("""
            SELECT id, license_key, os_info FROM licenses
            WHERE machine_id = @machineId AND (@product::text IS NULL OR product = @product)
            ORDER BY product = @defaultProduct DESC, id
            LIMIT 1
            """, new { machineId, product = product.Length > 0 ? product : null, defaultProduct = options.Value.Product }, cancellationToken: cancel));
        if (row.Key is null)
        {
            return LicenseResults.NotFound(context);
        }
        var summary = await connection.QuerySingleAsync<LicenseSummary>(new CommandDefinition(
            $"{LicenseFilter.SelectSql} WHERE id = @id", new { id = row.Id, now = time.GetUtcNow() }, cancellationToken: cancel));
        var history = await connection.QueryAsync<(string Action, DateTime At, string? Ip, string? Version, string? Os, string? Agent)>(new CommandDefinition("""
            SELECT action_type, created_at, host(ip_address), app_version, os_info, user_agent
            FROM activations WHERE license_id = @id ORDER BY created_at DESC, id DESC LIMIT @limit
            """, new { id = row.Id, limit = HistoryLimit }, cancellationToken: cancel));
        var counts = await connection.QueryAsync<(string Action, long Count)>(new CommandDefinition(
            "SELECT action_type, count(*) FROM activations WHERE license_id = @id GROUP BY 1 ORDER BY 1",
            new { id = row.Id }, cancellationToken: cancel));
        return LicenseResults.Ok(new LicenseDetailResponse(
            summary,
            row.OsInfo,
            Decode(row.Key, machineId),
            history.Select(h => new LicenseEvent(h.Action, new DateTimeOffset(DateTime.SpecifyKind(h.At, DateTimeKind.Utc)), h.Ip, h.Version, h.Os, h.Agent)).ToList(),
            counts.ToDictionary(c => c.Action, c => c.Count))
        {
            MachineProducts = machineProducts,
        });
    }

    private DecodedLicenseKey Decode(string licenseKey, string machineId)
    {
        var verification = keyCheck.Verify(licenseKey, machineId);
        var signature = verification.Result switch
        {
            LicenseCheck.Valid or LicenseCheck.ValidInGracePeriod or LicenseCheck.Expired => "valid",
            LicenseCheck.WrongMachine => "wrong_machine",
            LicenseCheck.UnknownSigningKey => "unknown_key",
            LicenseCheck.BadSignature => "invalid_signature",
            _ => "malformed",
        };
        var claims = verification.Claims;
        return new DecodedLicenseKey(signature, claims?.LicenseId, claims?.MachineId, claims?.LicenseType, claims?.Product,
            claims?.IssuedAt, claims?.ExpiresAt, claims?.KeyId);
    }
}
