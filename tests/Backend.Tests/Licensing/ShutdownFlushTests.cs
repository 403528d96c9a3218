using Dapper;

namespace Backend.Tests.Licensing;

public sealed class ShutdownFlushTests
{
    [Fact]
    public async Task A_graceful_stop_writes_the_pending_validation_history()
    {
        await using var host = LicensingHost.With(("Licensing:FlushIntervalMilliseconds", "1000"));
        await host.InitializeAsync();
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");
        // Drop whatever an earlier tick may still write, then validate and stop at once.
        await using var stopping = host.CreateFactory(s => s["Licensing:FlushIntervalMilliseconds"] = "1000");
        var client = stopping.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", LicensingHost.NewClientAddress());
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync("/api/v1/licenses/validate",
                System.Net.Http.Json.JsonContent.Create(new { machine_id = machine, license_key = key }));
            var body = await Json.ReadAsync(response);
            Assert.True(body.GetProperty("valid").GetBoolean(), body.ToString());
        }

        await stopping.DisposeAsync();

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var validated = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM activations a JOIN licenses l ON l.id = a.license_id WHERE l.machine_id = @machine AND a.action_type = 'validated'", new { machine });
        Assert.Equal(5, validated);
    }
}
