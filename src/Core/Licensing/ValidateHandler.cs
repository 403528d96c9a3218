using Backend.Core.Http;
using Dapper;
using Backend.Core.Products;
using Backend.Core.Telemetry;
using EasyFacture.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>POST licenses/validate</c>: the signature and machine are checked in memory, then the license row decides
/// (revoked, expired), from <see cref="LicenseStateLookup"/>: the in-memory copy while it is known current, else a
/// fresh read batched with concurrent requests. History and <c>last_validated_at</c> go through
/// <see cref="LicenseActivityBuffer"/>, the rate limit through <see cref="ValidateRateLimiter"/>: the hot path writes nothing.
/// The key must be one of the product the client names (<c>product</c>, default <c>Licensing__Product</c>).
/// </summary>
public sealed class ValidateHandler(
    LicenseStateLookup states,
    ValidateRateLimiter rateLimiter,
    LicenseActivityBuffer activity,
    LicenseKeyCheck keyCheck,
    ClientAddress clientAddress,
    ProductRenewalUrls renewalUrls,
    TimeProvider time,
    NpgsqlDataSource dataSource,
    IOptions<LicensingSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "machine_id", "license_key", "product" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context) => LicensingMetrics.Validation(context, await ValidateAsync(context));

    private async Task<IResult> ValidateAsync(HttpContext context)
    {
        var now = LicenseClock.Now(time);
        var ip = clientAddress.Of(context);
        var decision = await rateLimiter.Limiter.HitAsync(clientAddress.RateLimitSubject(ip), now, context.RequestAborted);
        if (!decision.Allowed)
        {
            return LicenseResults.RateLimited(context, decision);
        }
        var (raw, tooLargeOrNotJson) = await JsonObjectBody.ReadBytesAsync(context, _settings.MaxBodyBytes);
        if (tooLargeOrNotJson is not null)
        {
            return tooLargeOrNotJson;
        }
        if (!ValidateRequestReader.TryRead(raw.Span, out var machineId, out var licenseKey, out var product))
        {
            // Not the common shape: the general parser accepts the same bodies and words the 400 of the others.
            var body = JsonObjectBody.Parse(context, raw, Members);
            if (body.Error is not null)
            {
                return body.Error;
            }
            var fields = body.Fields!;
            machineId = LicenseResults.MachineIdOf(fields)!;
            licenseKey = fields.String("license_key", LicenseKeyFormat.MaxKeyLength, required: true)!;
            product = fields.String("product", 50, required: false);
            if (fields.HasErrors)
            {
                return LicenseResults.BadRequest(context, fields);
            }
        }
        product ??= _settings.Product;

        var digest = LicenseKeyDigest.Of(licenseKey.AsSpan().Trim());
        // A license's current key, found by its digest, was signed here: its row holds the machine and product it names.
        var license = await states.FindByKeyAsync(digest);
        if (license is not null)
        {
            if (!keyCheck.Verifies(license.SigningKeyId))
            {
                return Invalid(LicenseErrorCodes.InvalidLicenseKey, "Clé de licence invalide.");
            }
            if (!string.Equals(license.MachineId, machineId, StringComparison.Ordinal))
            {
                return Invalid(LicenseErrorCodes.LicenseMachineMismatch, "Cette clé de licence appartient à une autre machine.");
            }
            if (license.Product != product)
            {
                return Invalid(LicenseErrorCodes.LicenseProductMismatch, "Cette clé de licence est celle d'un autre produit.");
            }
        }
        else
        {
            var verification = keyCheck.Verify(licenseKey, machineId);
            switch (verification.Result)
            {
                case LicenseCheck.Malformed or LicenseCheck.UnknownSigningKey or LicenseCheck.BadSignature:
                    return Invalid(LicenseErrorCodes.InvalidLicenseKey, "Clé de licence invalide.");
                case LicenseCheck.WrongMachine:
                    return Invalid(LicenseErrorCodes.LicenseMachineMismatch, "Cette clé de licence appartient à une autre machine.");
            }
            if (verification.Claims!.Product != product)
            {
                return Invalid(LicenseErrorCodes.LicenseProductMismatch, "Cette clé de licence est celle d'un autre produit.");
            }
            license = await states.FindAsync(verification.Claims!.LicenseId, machineId, context.RequestAborted);
            if (license is null)
            {
                return LicenseResults.NotFound(context);
            }
        }
        activity.RecordValidation(license.Id, now, ip, UserAgent.Of(context));

        if (license.IsRevoked)
        {
            return LicenseResults.Ok(new ValidationResponse
            {
                Valid = false,
                Error = LicenseErrorCodes.LicenseRevoked,
                Message = "Votre licence a été révoquée.",
                RevokedAt = license.RevokedAt,
            });
        }
        if (license.ExpiresAt <= now)
        {
            return LicenseResults.Ok(new ValidationResponse
            {
                Valid = false,
                Error = LicenseErrorCodes.LicenseExpired,
                Message = $"Votre licence a expiré le {license.ExpiresAt.UtcDateTime:yyyy-MM-dd}",
                ExpiredAt = license.ExpiresAt,
                RenewalUrl = await renewalUrls.ForAsync(product, context.RequestAborted),
            });
        }
        return LicenseResults.Ok(new ValidationResponse
        {
            Valid = true,
            LicenseType = license.LicenseType,
            ExpiresAt = license.ExpiresAt,
            DaysRemaining = DaysRemaining.Until(license.ExpiresAt, now),
            IsActive = true,
            CustomerEmail = license.Email,
            // An older key of the license (the trial's, after an activation): the client stores the current one.
            LicenseKey = license.KeyDigest == digest ? null : await CurrentKeyAsync(license.Id, context.RequestAborted),
        });
    }

    private async Task<string?> CurrentKeyAsync(long licenseId, CancellationToken cancel)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT license_key FROM licenses WHERE id = @licenseId", new { licenseId }, cancellationToken: cancel));
    }

    private static IResult Invalid(string error, string message) =>
        LicenseResults.Ok(new ValidationResponse { Valid = false, Error = error, Message = message });
}
