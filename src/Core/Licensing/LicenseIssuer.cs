using Dapper;
using EasyFacture.Licensing;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>Signs the key of a license. The key embeds the license id, so a new license takes its id from the sequence first.</summary>
public sealed class LicenseIssuer(LicenseSigningKeys keys)
{
    public string CurrentKeyId => keys.CurrentKeyId;

    public static Task<long> NextIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('licenses', 'id'))", transaction: transaction, cancellationToken: cancellationToken));

    public string Sign(long licenseId, string machineId, string licenseType, string product, DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        keys.Sign(new LicenseClaims
        {
            LicenseId = licenseId,
            MachineId = machineId,
            LicenseType = licenseType,
            Product = product,
            IssuedAtUnix = issuedAt.ToUnixTimeSeconds(),
            ExpiresAtUnix = expiresAt.ToUnixTimeSeconds(),
            KeyId = keys.CurrentKeyId,
        });
}
