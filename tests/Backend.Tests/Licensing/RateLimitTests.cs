using System.Net;
using System.Net.Http.Json;
using Backend.Tests.Infrastructure;
using Dapper;

namespace Backend.Tests.Licensing;

/// <summary>Small limits and a hand-moved clock: windows end without waiting for them.</summary>
public sealed class RateLimitTests
{
    private static LicensingHost NewHost(params (string, string)[] settings) => LicensingHost.With(settings);

    [Fact]
    public async Task Trial_is_limited_per_client_address_and_the_window_reopens_when_it_ends()
    {
        await using var host = NewHost(("Licensing:RateLimits:Trial:Limit", "2"), ("Licensing:RateLimits:Trial:WindowSeconds", "3600"));
        await host.InitializeAsync();
        var address = LicensingHost.NewClientAddress();
        async Task<HttpResponseMessage> Trial() =>
            await host.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() }, address);

        Assert.Equal(HttpStatusCode.Created, (await Trial()).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Trial()).StatusCode);
        var limited = await Trial();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var body = await Json.ReadAsync(limited);
        body.AssertError("RATE_LIMIT_EXCEEDED");
        Assert.Equal(3600, body.GetProperty("retry_after").GetInt32());
        Assert.Equal("3600", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("Trop de requêtes. Réessayez dans 1 heure.", body.Str("message"));

        // Another client is not affected; the same one is again once the window has passed.
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() })).StatusCode);
        host.Clock.Advance(TimeSpan.FromSeconds(3600));
        Assert.Equal(HttpStatusCode.Created, (await Trial()).StatusCode);
    }

    [Fact]
    public async Task Activate_is_limited_per_client_address_even_for_invalid_codes()
    {
        await using var host = NewHost(("Licensing:RateLimits:Activate:Limit", "3"));
        await host.InitializeAsync();
        var address = LicensingHost.NewClientAddress();
        for (var i = 0; i < 3; i++)
        {
            var guess = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = LicensingHost.NewMachineId(), activation_code = "ABCD-EFGH-JKLM-NPQR", email = "a@exemple.fr" }, address);
            Assert.Equal(HttpStatusCode.NotFound, guess.StatusCode);
        }

        var limited = await host.PostAsync("/api/v1/licenses/activate", new { machine_id = LicensingHost.NewMachineId(), activation_code = "ABCD-EFGH-JKLM-NPQR", email = "a@exemple.fr" }, address);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var body = await Json.ReadAsync(limited);
        body.AssertError("RATE_LIMIT_EXCEEDED");
        Assert.InRange(body.GetProperty("retry_after").GetInt32(), 3590, 3600);
    }

    [Fact]
    public async Task Validate_is_limited_per_client_address_across_instances()
    {
        await using var host = NewHost(("Licensing:RateLimits:Validate:Limit", "3"), ("Licensing:RateLimits:Validate:WindowSeconds", "600"));
        await host.InitializeAsync();
        var machine = LicensingHost.NewMachineId();
        var key = (await host.TrialAsync(machine)).Str("license_key");
        var address = LicensingHost.NewClientAddress();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.ValidateAsync(machine, key, address)).Status);
        }

        var (status, body) = await host.ValidateAsync(machine, key, address);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        body.AssertError("RATE_LIMIT_EXCEEDED");
        Assert.InRange(body.GetProperty("retry_after").GetInt32(), 590, 600);

        // The counts reach PostgreSQL within a flush interval, and a second instance starts from them.
        await using (var connection = await host.Database.DataSource.OpenConnectionAsync())
        {
            await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<int?>(
                "SELECT hits FROM license_rate_limits WHERE bucket = 'validate' AND subject = @address", new { address }) == 3);
        }
        await using var other = host.CreateFactory();
        var client = other.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/validate") { Content = JsonContent.Create(new { machine_id = machine, license_key = key }) };
        request.Headers.Add("X-Forwarded-For", address);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(request)).StatusCode);

        host.Clock.Advance(TimeSpan.FromSeconds(601));
        Assert.Equal(HttpStatusCode.OK, (await host.ValidateAsync(machine, key, address)).Status);
    }

    [Fact]
    public async Task Forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy()
    {
        await using var host = NewHost(("Licensing:RateLimits:Trial:Limit", "1"), ("Licensing:TrustedProxies", "10.0.0.0/8"));
        await host.InitializeAsync();

        // 127.0.0.1 is not trusted here: a client inventing a new X-Forwarded-For each time is still one client.
        var first = await host.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() }, LicensingHost.NewClientAddress());
        var second = await host.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() }, LicensingHost.NewClientAddress());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }
}
