using System.Net;
using Dapper;
using Npgsql;

namespace Backend.Tests.Licensing;

public sealed class ActivateTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task An_annual_code_upgrades_the_trial_of_the_machine_in_place()
    {
        var machine = LicensingHost.NewMachineId();
        await host.TrialAsync(machine);
        var code = (await host.CreateCodesAsync("annual", 365)).Single();
        var email = LicensingHost.NewEmail();

        var body = await host.ActivateAsync(machine, code, email);

        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("annual", body.Str("license_type"));
        Assert.Equal(365, body.GetProperty("days_remaining").GetInt32());
        Assert.Equal("Licence activée avec succès", body.Str("message"));
        var (status, validation) = await host.ValidateAsync(machine, body.Str("license_key"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(validation.GetProperty("valid").GetBoolean());
        Assert.Equal("annual", validation.Str("license_type"));
        Assert.Equal(email, validation.Str("customer_email"));

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(long Count, string Type, string Code)>(
            "SELECT count(*) OVER (), license_type, activation_code FROM licenses WHERE machine_id = @machine", new { machine });
        Assert.Equal((1L, "annual", code), row);
        var used = await connection.QuerySingleAsync<(bool IsUsed, string Machine)>(
            "SELECT c.is_used, l.machine_id FROM activation_codes c JOIN licenses l ON l.id = c.used_by_license_id WHERE c.code = @code", new { code });
        Assert.Equal((true, machine), used);
    }

    [Fact]
    public async Task A_machine_without_a_trial_gets_a_new_license_and_codes_are_accepted_as_users_type_them()
    {
        var machine = LicensingHost.NewMachineId();
        var code = (await host.CreateCodesAsync("monthly", 30)).Single();

        var body = await host.ActivateAsync(machine, " " + code.Replace("-", "").ToLowerInvariant() + " ");

        Assert.Equal("monthly", body.Str("license_type"));
        Assert.Equal(30, body.GetProperty("days_remaining").GetInt32());
    }

    [Fact]
    public async Task Redeeming_the_same_code_again_on_the_same_machine_returns_the_same_license()
    {
        var machine = LicensingHost.NewMachineId();
        var code = (await host.CreateCodesAsync("annual", 365)).Single();
        var first = await host.ActivateAsync(machine, code);

        var again = await host.ActivateAsync(machine, code);

        Assert.Equal(first.Str("license_key"), again.Str("license_key"));
        Assert.Equal(first.Str("expires_at"), again.Str("expires_at"));
    }

    [Fact]
    public async Task A_code_used_by_another_machine_is_invalid()
    {
        var code = (await host.CreateCodesAsync("annual", 365)).Single();
        await host.ActivateAsync(LicensingHost.NewMachineId(), code);

        var response = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = LicensingHost.NewMachineId(), activation_code = code, email = LicensingHost.NewEmail() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError("INVALID_ACTIVATION_CODE");
        Assert.Equal("Code d'activation invalide ou déjà utilisé", body.Str("message"));
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKLM-NPQR")] // well formed, never issued
    [InlineData("0000-1111-OOOO-IIII")] // outside the alphabet
    [InlineData("not a code")]
    public async Task Unknown_or_malformed_codes_are_invalid(string code)
    {
        var response = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = LicensingHost.NewMachineId(), activation_code = code, email = LicensingHost.NewEmail() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        (await Json.ReadAsync(response)).AssertError("INVALID_ACTIVATION_CODE");
    }

    [Fact]
    public async Task An_expired_code_is_invalid()
    {
        var code = (await host.CreateCodesAsync("annual", 365)).Single();
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE activation_codes SET expires_at = now() - interval '1 minute' WHERE code = @code", new { code });
        }

        var response = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = LicensingHost.NewMachineId(), activation_code = code, email = LicensingHost.NewEmail() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        (await Json.ReadAsync(response)).AssertError("INVALID_ACTIVATION_CODE");
    }

    [Fact]
    public async Task Of_twenty_concurrent_redemptions_of_one_code_exactly_one_succeeds()
    {
        var code = (await host.CreateCodesAsync("annual", 365)).Single();
        var machines = Enumerable.Range(0, 20).Select(_ => LicensingHost.NewMachineId()).ToList();
        using var start = new SemaphoreSlim(0);

        var attempts = machines.Select(async machine =>
        {
            await start.WaitAsync();
            var response = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = machine, activation_code = code, email = LicensingHost.NewEmail() });
            return (machine, response.StatusCode, Body: await Json.ReadAsync(response));
        }).ToList();
        start.Release(machines.Count);
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            r.Body.AssertError("INVALID_ACTIVATION_CODE");
        });
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var licensed = (await connection.QueryAsync<string>(
            "SELECT machine_id FROM licenses WHERE machine_id = ANY(@machines)", new { machines = machines.ToArray() })).ToList();
        Assert.Equal([winners[0].machine], licensed);
    }

    [Fact]
    public async Task The_schema_refuses_to_change_a_redemption_once_made()
    {
        var code = (await host.CreateCodesAsync("annual", 365)).Single();
        await host.ActivateAsync(LicensingHost.NewMachineId(), code);
        var other = LicensingHost.NewMachineId();
        await host.TrialAsync(other);

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var change = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE activation_codes SET used_by_license_id = (SELECT id FROM licenses WHERE machine_id = @other) WHERE code = @code", new { other, code }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, change.SqlState);
        var undo = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE activation_codes SET is_used = false, used_by_license_id = NULL, used_at = NULL WHERE code = @code", new { code }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, undo.SqlState);
        var second = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE licenses SET activation_code = @code WHERE machine_id = @other", new { other, code }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, second.SqlState);
    }

    [Fact]
    public async Task A_paid_license_still_running_is_extended_from_its_end_and_lifetime_never_expires()
    {
        var machine = LicensingHost.NewMachineId();
        var first = await host.ActivateAsync(machine, (await host.CreateCodesAsync("monthly", 30)).Single());

        var renewed = await host.ActivateAsync(machine, (await host.CreateCodesAsync("monthly", 30)).Single());

        Assert.Equal(DateTimeOffset.Parse(first.Str("expires_at")).AddDays(30), DateTimeOffset.Parse(renewed.Str("expires_at")));
        var lifetime = await host.ActivateAsync(machine, (await host.CreateCodesAsync("lifetime", 0)).Single());
        Assert.Equal("lifetime", lifetime.Str("license_type"));
        Assert.Equal(9999, DateTimeOffset.Parse(lifetime.Str("expires_at")).Year);
    }

    [Fact]
    public async Task A_revoked_machine_cannot_activate_a_new_code()
    {
        var machine = LicensingHost.NewMachineId();
        await host.TrialAsync(machine);
        Assert.Equal(HttpStatusCode.OK, (await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}")).StatusCode);
        var code = (await host.CreateCodesAsync("annual", 365)).Single();

        var response = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = machine, activation_code = code, email = LicensingHost.NewEmail() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        (await Json.ReadAsync(response)).AssertError("LICENSE_REVOKED");
    }

    [Theory]
    [InlineData("""{"activation_code":"ABCD-EFGH-JKLM-NPQR","email":"a@exemple.fr"}""", "MACHINE_ID_REQUIRED", "machine_id")]
    [InlineData("""{"machine_id":"xyz","activation_code":"ABCD-EFGH-JKLM-NPQR","email":"a@exemple.fr"}""", "INVALID_MACHINE_ID", "machine_id")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","email":"a@exemple.fr"}""", "INVALID_REQUEST", "activation_code")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","activation_code":42,"email":"a@exemple.fr"}""", "INVALID_REQUEST", "activation_code")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","activation_code":"ABCD-EFGH-JKLM-NPQR","email":"x"}""", "INVALID_REQUEST", "email")]
    [InlineData("""{"machine_id":"0123456789abcdef0123456789abcdef","activation_code":"ABCD-EFGH-JKLM-NPQR","email":"a@exemple.fr","license_type":"lifetime"}""", "INVALID_REQUEST", "license_type")]
    public async Task Bad_input_is_a_400_naming_the_field(string raw, string code, string field)
    {
        var response = await host.PostRawAsync("/api/v1/licenses/activate", raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        body.AssertError(code);
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _), body.ToString());
    }
}
