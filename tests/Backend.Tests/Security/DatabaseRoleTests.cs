using Backend.Core.Data;
using Backend.Tests.Configuration;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Backend.Tests.Security;

/// <summary>
/// infra/postgres/app-roles.sql on a real PostgreSQL (a private cluster: creating roles needs a superuser): the license
/// app's role cannot read a tenant's invoices, the OCR app's cannot read licenses, both start on an up-to-date schema
/// without any DDL, and no table is left without a grant.
/// </summary>
public sealed class DatabaseRoleTests : IAsyncLifetime
{
    private ThrowawayPostgres _cluster = null!;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        _cluster = await ThrowawayPostgres.StartAsync();
        await using (var server = new NpgsqlConnection(_cluster.ConnectionString))
        {
            await server.OpenAsync();
            await server.ExecuteAsync("CREATE DATABASE app");
        }
        _admin = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString) { Database = "app" }.ConnectionString;
        await using (var admin = NpgsqlDataSource.Create(_admin))
        {
            await new MigrationRunner(admin, NullLogger<MigrationRunner>.Instance).RunAsync();
        }
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await connection.ExecuteAsync(RepositoryFiles.Read("infra/postgres/app-roles.sql"));
        // Stand-ins for the apps' managed identities (pgaadauth_create_principal_with_oid in Azure).
        await connection.ExecuteAsync("CREATE ROLE license_app LOGIN IN ROLE backend_license; CREATE ROLE ocr_app LOGIN IN ROLE backend_ocr;");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private NpgsqlDataSource As(string role) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_admin) { Username = role }.ConnectionString);

    private static async Task<string?> DeniedAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            await connection.ExecuteAsync(sql);
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    [Fact]
    public async Task The_license_app_role_cannot_read_invoices_and_the_ocr_app_role_cannot_read_licenses()
    {
        await using var license = As("license_app");
        await using var ocr = As("ocr_app");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await DeniedAsync(license, "SELECT * FROM invoices"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await DeniedAsync(license, "SELECT * FROM tenant_api_keys"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await DeniedAsync(license, "CREATE TABLE stolen (x int)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await DeniedAsync(ocr, "SELECT * FROM licenses"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await DeniedAsync(ocr, "DROP TABLE invoices"));

        Assert.Null(await DeniedAsync(license, """
            INSERT INTO licenses (machine_id, email, license_key, signing_key_id, license_type, created_at, expires_at)
            VALUES (repeat('a', 32), 'a@exemple.fr', 'key', 'k1', 'trial', now(), now() + interval '30 days')
            """));
        Assert.Null(await DeniedAsync(ocr, "INSERT INTO tenants (id, name) VALUES (gen_random_uuid(), 'Cabinet')"));
    }

    [Fact]
    public async Task Both_apps_start_on_an_up_to_date_schema_without_any_ddl()
    {
        foreach (var role in new[] { "license_app", "ocr_app" })
        {
            await using var dataSource = As(role);
            Assert.Empty(await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).RunAsync());
        }
    }

    [Fact]
    public async Task Every_table_is_granted_to_an_app_role()
    {
        await using var connection = new NpgsqlConnection(_admin);
        var ungranted = await connection.QueryAsync<string>("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND NOT has_table_privilege('backend_license', c.oid, 'SELECT')
              AND NOT has_table_privilege('backend_ocr', c.oid, 'SELECT')
            ORDER BY 1
            """);

        Assert.Empty(ungranted);
    }
}
