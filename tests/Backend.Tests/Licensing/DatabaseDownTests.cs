using System.Net;
using System.Net.Http.Json;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Licensing;

public sealed class DatabaseDownTests
{
    [Fact]
    public async Task With_postgres_stopped_the_license_api_answers_503_envelopes_then_recovers()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var factory = new SelfHostFactory(postgres.ConnectionString);
        var client = factory.CreateClient();
        var machine = LicensingHost.NewMachineId();
        var trial = await client.PostAsJsonAsync("/api/v1/licenses/trial", new { machine_id = machine, email = LicensingHost.NewEmail() });
        Assert.Equal(HttpStatusCode.Created, trial.StatusCode);
        var key = (await Json.ReadAsync(trial)).Str("license_key");

        await postgres.StopServerAsync();
        var validate = await client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = key });
        var another = await client.PostAsJsonAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() });

        foreach (var response in new[] { validate, another })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            (await Json.ReadAsync(response)).AssertError("SERVER_ERROR");
            Assert.NotNull(response.Headers.RetryAfter);
        }

        await postgres.StartServerAsync();
        var recovered = await Eventually.MatchAsync(
            () => client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = key }),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.True((await Json.ReadAsync(recovered)).GetProperty("valid").GetBoolean());
    }
}
