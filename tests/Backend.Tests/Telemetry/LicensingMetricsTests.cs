using System.Diagnostics.Metrics;
using System.Net;
using Backend.Tests.Licensing;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Telemetry;

/// <summary>The license server's business counters move with what clients actually get, on SelfHost and a real PostgreSQL.</summary>
public sealed class LicensingMetricsTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task Trials_validations_by_outcome_revocations_and_rate_limit_refusals_are_counted()
    {
        using var recorder = new MeterRecorder(host.Factory.Services.GetRequiredService<IMeterFactory>());
        var machine = LicensingHost.NewMachineId();

        var key = (await host.TrialAsync(machine)).Str("license_key");
        Assert.Equal(1, recorder.Total("easyfacture.license.trials"));

        var (status, body) = await host.ValidateAsync(machine, key);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal(1, recorder.Total("easyfacture.license.validations", "outcome=valid"));

        var (_, forged) = await host.ValidateAsync(machine, "garbage");
        Assert.False(forged.GetProperty("valid").GetBoolean());
        Assert.Equal(1, recorder.Total("easyfacture.license.validations", "outcome=invalid_license_key"));

        var revoke = await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "chargeback" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        // Revoking again is idempotent and is not a second revocation.
        Assert.Equal(HttpStatusCode.OK, (await host.AdminAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}", new { reason = "chargeback" })).StatusCode);
        Assert.Equal(1, recorder.Total("easyfacture.license.revocations"));

        var (_, revoked) = await host.ValidateAsync(machine, key);
        Assert.Equal("LICENSE_REVOKED", revoked.Str("error"));
        Assert.Equal(1, recorder.Total("easyfacture.license.validations", "outcome=license_revoked"));
        Assert.Equal(1, recorder.Total("easyfacture.license.validations", "outcome=valid"));

        // Three trials an hour per address: the fourth is refused, and counted against its route.
        var address = LicensingHost.NewClientAddress();
        for (var i = 0; i < 4; i++)
        {
            await host.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() }, address);
        }
        Assert.Equal(1, recorder.Total("easyfacture.rate_limit.refusals", "http.route=/api/v1/licenses/trial"));
        Assert.Equal(4, recorder.Total("easyfacture.license.trials"));

        // The same route under a path of the client's invention is counted under the same template, never the path:
        // a tag whose values a client chooses would grow without bound.
        var shouted = await host.PostAsync("/API/V1/Licenses/TRIAL", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() }, address);
        Assert.Equal(HttpStatusCode.TooManyRequests, shouted.StatusCode);
        Assert.Equal(2, recorder.Total("easyfacture.rate_limit.refusals", "http.route=/api/v1/licenses/trial"));
        Assert.Equal(2, recorder.Total("easyfacture.rate_limit.refusals"));
    }

    [Fact]
    public async Task An_activation_is_counted_by_license_type()
    {
        using var recorder = new MeterRecorder(host.Factory.Services.GetRequiredService<IMeterFactory>());
        var code = (await host.CreateCodesAsync("annual", 365)).Single();

        await host.ActivateAsync(LicensingHost.NewMachineId(), code);

        Assert.Equal(1, recorder.Total("easyfacture.license.activations", "license_type=annual"));
    }
}
