using System.Net;
using Dapper;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>Writes one row of the license history (<c>activations</c>) inside the caller's transaction.</summary>
internal static class LicenseHistory
{
    public static Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long licenseId, string action, DateTimeOffset at,
        IPAddress? ip, string? userAgent, string? appVersion, string? osInfo, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO activations (license_id, action_type, ip_address, user_agent, app_version, os_info, created_at)
            VALUES (@licenseId, @action, @ip::inet, @userAgent, @appVersion, @osInfo, @at)
            """, new { licenseId, action, ip = ip?.ToString(), userAgent, appVersion, osInfo, at }, transaction, cancellationToken: cancellationToken));
}
