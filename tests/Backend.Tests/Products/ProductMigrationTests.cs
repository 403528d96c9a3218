using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Backend.Core.Data;
using Backend.Tests.Infrastructure;
using Backend.Tests.Licensing;
using Dapper;
using EasyFacture.Licensing;

namespace Backend.Tests.Products;

/// <summary>
/// Migration 0101 on a database that already holds licenses and codes issued under the single-product schema: every
/// license stays under <c>easyfacture</c>, its key keeps validating, its codes keep activating.
/// </summary>
public sealed class ProductMigrationTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new() { Migrate = false };

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Licenses_and_codes_issued_before_the_migration_keep_working_under_easyfacture()
    {
        await ApplyMigrationsBeforeAsync("0101");
        await using var factory = new SelfHostFactory(_database.ConnectionString);
        var machine = LicensingHost.NewMachineId();
        var now = DateTimeOffset.UtcNow;
        var expiresAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(29).AddHours(23).AddMinutes(59).AddSeconds(59), TimeSpan.Zero);
        string key;
        using (var signer = ECDsa.Create())
        {
            signer.ImportPkcs8PrivateKey(Convert.FromBase64String(factory.SigningPrivateKey), out _);
            key = LicenseKeyFormat.Encode(new LicenseClaims
            {
                LicenseId = 41, MachineId = machine, LicenseType = "trial", Product = "easyfacture",
                IssuedAtUnix = now.ToUnixTimeSeconds(), ExpiresAtUnix = expiresAt.ToUnixTimeSeconds(), KeyId = LicenseKeyFormat.KeyIdOf(signer),
            }, signer);
            // The row as TrialHandler wrote it before 0101 (no product named: the column's default).
            await using var connection = await _database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("""
                INSERT INTO licenses (id, machine_id, email, license_key, signing_key_id, license_type, created_at, trial_started_at, expires_at)
                VALUES (41, @machine, 'ancien@exemple.fr', @key, @keyId, 'trial', @now, @now, @expiresAt);
                INSERT INTO activation_codes (code, license_type, duration_days, created_at) VALUES ('ABCD-EFGH-JKLM-NPQR', 'annual', 365, @now);
                """, new { machine, key, keyId = LicenseKeyFormat.KeyIdOf(signer), now, expiresAt });
        }

        var client = factory.CreateClient();

        var validate = await client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = key });
        var valid = await Json.ReadAsync(validate);
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        Assert.Equal("trial", valid.Str("license_type"));

        var activate = await client.PostAsJsonAsync("/api/v1/licenses/activate", new { machine_id = machine, activation_code = "ABCD-EFGH-JKLM-NPQR", email = "ancien@exemple.fr" });
        var activated = await Json.ReadAsync(activate);
        Assert.True(activate.StatusCode == HttpStatusCode.OK, activated.ToString());
        Assert.Equal("annual", activated.Str("license_type"));

        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            Assert.Equal("easyfacture", await connection.ExecuteScalarAsync<string>("SELECT product FROM licenses WHERE id = 41"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM licenses"));
            Assert.Equal("easyfacture", await connection.ExecuteScalarAsync<string>("SELECT product FROM activation_codes"));
            Assert.Equal(30, await connection.ExecuteScalarAsync<int>("SELECT trial_days FROM products WHERE code = 'easyfacture'"));
        }
    }

    private async Task ApplyMigrationsBeforeAsync(string version)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var migration in MigrationRunner.EmbeddedMigrations.Where(m => string.CompareOrdinal(m.Version, version) < 0))
        {
            await connection.ExecuteAsync(migration.Sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version) VALUES (@version)", new { version = migration.Version });
        }
    }
}
