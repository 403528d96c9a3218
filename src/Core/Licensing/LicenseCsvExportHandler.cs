using System.Globalization;
using System.Text;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>GET admin/licenses.csv</c>: every license matching the search filters (paging ignored), streamed as
/// RFC 4180 CSV in UTF-8 with a BOM so Excel opens accents correctly. Cells that a spreadsheet would run as
/// a formula are prefixed with a quote.
/// </summary>
public sealed class LicenseCsvExportHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, TimeProvider time)
{
    public static readonly string[] Header =
    [
        "id", "machine_id", "email", "product", "license_type", "status", "created_at", "trial_started_at", "activated_at",
        "expires_at", "last_validated_at", "last_heartbeat_at", "revoked_at", "revoked_reason", "app_version", "activation_code",
    ];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = LicenseFilter.NewErrors();
        var filter = LicenseFilter.Parse(context.Request, errors);
        if (errors.HasErrors)
        {
            return LicenseResults.BadRequest(context, errors);
        }
        var parameters = filter.SqlParameters(time.GetUtcNow());
        // Open before answering so a database failure is still an error envelope, not a truncated file.
        var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        return Results.Stream(async stream =>
        {
            await using (connection)
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
                await writer.WriteAsync(string.Join(',', Header) + "\r\n");
                var rows = connection.QueryUnbufferedAsync<LicenseSummary>(
                    $"{LicenseFilter.SelectSql} WHERE {LicenseFilter.WhereSql} ORDER BY id", parameters);
                await foreach (var row in rows.WithCancellation(context.RequestAborted))
                {
                    await writer.WriteAsync(Line(row));
                }
            }
        }, "text/csv; charset=utf-8", "licenses.csv");
    }

    private static string Line(LicenseSummary l)
    {
        static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
        string[] cells =
        [
            l.Id.ToString(CultureInfo.InvariantCulture), l.MachineId, l.Email, l.Product, l.LicenseType, l.Status,
            Time(l.CreatedAt), Time(l.TrialStartedAt), Time(l.ActivatedAt), Time(l.ExpiresAt), Time(l.LastValidatedAt),
            Time(l.LastHeartbeatAt), Time(l.RevokedAt), l.RevokedReason ?? "", l.AppVersion ?? "", l.ActivationCode ?? "",
        ];
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
