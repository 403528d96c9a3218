using System.Net;
using System.Net.Http.Headers;
using Backend.Tests.Licensing;

namespace Backend.Tests.Telemetry;

/// <summary><c>GET /metrics</c> on SelfHost: Prometheus text for an admin, 401 in the error envelope for anyone else.</summary>
public sealed class MetricsEndpointTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task Metrics_are_refused_without_an_admin_credential()
    {
        using var anonymous = await host.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var body = await Json.ReadAsync(anonymous);
        body.AssertError("UNAUTHORIZED");
        Assert.DoesNotContain("easyfacture", body.ToString());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Add("X-Api-Key", new string('0', 48));
        using var refused = await host.Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // A tenant's key is not an admin credential either.
        using var tenant = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/tenants", new { name = "Cabinet Metrics" });
        var tenantKey = (await Json.ReadAsync(tenant)).Str("api_key");
        using var asTenant = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        asTenant.Headers.Add("X-Api-Key", tenantKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(asTenant)).StatusCode);
    }

    [Fact]
    public async Task An_admin_reads_prometheus_text_with_http_runtime_queue_and_business_metrics()
    {
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");
        await host.ValidateAsync(machine, key);

        foreach (var bearer in new[] { false, true })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminApiKey);
            }
            else
            {
                request.Headers.Add("X-Api-Key", host.AdminApiKey);
            }
            using var response = await host.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("# TYPE easyfacture_license_validations_total counter", text);
            Assert.Matches(@"easyfacture_license_validations_total\{[^}]*outcome=""valid""[^}]*\} [1-9]", text);
            Assert.Contains("easyfacture_license_trials_total", text);
            Assert.Contains("http_server_request_duration_seconds_bucket", text);
            Assert.Contains("dotnet_gc_collections_total", text);
            Assert.Matches(@"easyfacture_queue_depth(_messages)?\{[^}]*queue=""ocr-jobs""[^}]*\} 0", text);
            Assert.Contains("db_client_operation_duration_seconds", text);
        }
    }
}
