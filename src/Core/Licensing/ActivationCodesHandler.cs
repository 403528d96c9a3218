using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary><c>POST admin/activation-codes</c>: creates <c>count</c> single-use codes for a license type and duration.</summary>
public sealed class ActivationCodesHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    public const int MaxCount = 1000;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "license_type", "duration_days", "count", "expires_at", "notes" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var admin = await authenticator.AuthenticateAsync(context);
        if (admin is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var now = LicenseClock.Now(time);
        var type = fields.String("license_type", 20, required: true);
        if (type is not null && !LicenseTypes.IsKnown(type))
        {
            fields.AddError("license_type", "trial, monthly, annual ou lifetime");
        }
        var lifetime = type == LicenseTypes.Lifetime;
        var duration = fields.Int("duration_days", lifetime ? 0 : 1, 36500, required: !lifetime) ?? 0;
        var count = fields.Int("count", 1, MaxCount, required: false) ?? 1;
        var expiresAt = fields.Timestamp("expires_at", required: false);
        if (expiresAt is not null && expiresAt <= now)
        {
            fields.AddError("expires_at", "doit être dans le futur");
        }
        var notes = fields.String("notes", 1000, required: false);
        if (fields.HasErrors)
        {
            return LicenseResults.BadRequest(context, fields);
        }

        var created = new List<string>(count);
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        // 80 random bits make a collision all but impossible; the unique constraint decides, and we draw again.
        for (var attempt = 0; created.Count < count && attempt < 5; attempt++)
        {
            var candidates = Enumerable.Range(0, count - created.Count).Select(_ => ActivationCode.New()).ToArray();
            var inserted = await connection.QueryAsync<string>(new CommandDefinition("""
                INSERT INTO activation_codes (code, license_type, duration_days, created_at, expires_at, created_by, notes)
                SELECT c, @type, @duration, @now, @expiresAt, @admin, @notes FROM unnest(@candidates) AS c
                ON CONFLICT (code) DO NOTHING
                RETURNING code
                """, new { type, duration, now, expiresAt, admin = admin.Name.Length <= 100 ? admin.Name : admin.Name[..100], notes, candidates }, cancellationToken: context.RequestAborted));
            created.AddRange(inserted);
        }
        await audit.RecordAsync(connection, null, admin, AuditActions.ActivationCodesCreated, type,
            new { count = created.Count, duration_days = duration, expires_at = expiresAt, notes }, context.RequestAborted);
        return LicenseResults.Ok(new ActivationCodesResponse(created, type!, duration, expiresAt), StatusCodes.Status201Created);
    }
}
