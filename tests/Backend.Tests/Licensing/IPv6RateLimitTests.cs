using System.Net;
using Backend.Core.Licensing;
using Backend.Core.RateLimiting;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Licensing;

/// <summary>
/// One IPv6 subscriber owns a whole /64: keyed on the full address, 2^64 buckets let one client rotate past any limit
/// and grow the limiter's table and memory without end.
/// </summary>
public sealed class IPv6RateLimitTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static ClientAddress Addresses(int prefixLength = 64) =>
        new(Options.Create(new LicensingSettings { RateLimits = new LicensingRateLimits { IPv6PrefixLength = prefixLength } }));

    [Theory]
    [InlineData(64, "2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData(64, "2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64")]
    [InlineData(56, "2001:db8:1:2ff::7", "2001:db8:1:200::/56")]
    [InlineData(128, "2001:db8:1:2::1", "2001:db8:1:2::1")]
    [InlineData(64, "203.0.113.9", "203.0.113.9")]
    public void IPv6_clients_are_keyed_by_their_network_and_IPv4_clients_by_their_address(int prefixLength, string address, string subject) =>
        Assert.Equal(subject, Addresses(prefixLength).RateLimitSubject(IPAddress.Parse(address)));

    [Fact]
    public async Task Rotating_addresses_inside_one_64_does_not_reset_the_trial_limit()
    {
        await using var host = LicensingHost.With(("Licensing:RateLimits:Trial:Limit", "3"));
        await host.InitializeAsync();
        async Task<HttpStatusCode> TrialFrom(string address) =>
            (await host.PostAsync("/api/v1/licenses/trial", new { machine_id = LicensingHost.NewMachineId(), email = LicensingHost.NewEmail() }, address)).StatusCode;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, await TrialFrom("2001:db8:1:2::1"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrialFrom("2001:db8:1:2::1"));
        for (var i = 2; i <= 7; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, await TrialFrom($"2001:db8:1:2::{i}"));
        }
        // A neighbouring /64 is another subscriber.
        Assert.Equal(HttpStatusCode.Created, await TrialFrom("2001:db8:1:3::1"));
    }

    [Fact]
    public async Task Past_its_capacity_the_batched_limiter_counts_new_clients_in_postgresql_and_still_limits_them()
    {
        var now = DateTimeOffset.UtcNow;
        var bucket = "cap-" + Guid.NewGuid().ToString("N")[..8];
        var limiter = new BatchedRateLimiter(database.DataSource, bucket, new RateLimitRule { Limit = 3, WindowSeconds = 60 }, maxSubjects: 2);

        Assert.True((await limiter.HitAsync("a", now, default)).Allowed);
        Assert.True((await limiter.HitAsync("b", now, default)).Allowed);
        var overflow = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            overflow.Add((await limiter.HitAsync("c", now, default)).Allowed);
        }

        Assert.Equal(2, limiter.TrackedSubjects);
        Assert.Equal([true, true, true, false], overflow);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // Counted without any flush: the overflow subject went straight to the shared row.
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>(
            "SELECT hits FROM license_rate_limits WHERE bucket = @bucket AND subject = 'c'", new { bucket }));

        // Once the tracked windows are over, the flush frees their places.
        await limiter.FlushAsync(now, default);
        await limiter.FlushAsync(now.AddSeconds(61), default);
        Assert.Equal(0, limiter.TrackedSubjects);
    }
}
