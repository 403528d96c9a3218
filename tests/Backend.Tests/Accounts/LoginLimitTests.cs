using System.Net;
using Backend.Tests.Licensing;

namespace Backend.Tests.Accounts;

public sealed class LoginLimitTests(LoginLimitTests.Host host) : IClassFixture<LoginLimitTests.Host>
{
    public sealed class Host() : AccountsHost(("Accounts:LoginPerAccount:Limit", "5"), ("Accounts:LoginPerAddress:Limit", "8"));

    [Fact]
    public async Task An_account_locks_after_repeated_failures_the_same_way_whether_it_exists_or_not()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var unknown = AccountsHost.NewEmail();
        var failedBefore = await FailedLoginsAsync();

        for (var i = 0; i < 5; i++)
        {
            // A new client address each time: this is the per-account limit, not the per-address one.
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(email, "mauvais mot de passe !", LicensingHost.NewClientAddress())).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(unknown, "mauvais mot de passe !", LicensingHost.NewClientAddress())).Status);
        }

        var locked = await host.LoginAsync(email, AccountsHost.Password, LicensingHost.NewClientAddress());
        var lockedUnknown = await host.LoginAsync(unknown, AccountsHost.Password, LicensingHost.NewClientAddress());
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        locked.Body.AssertError("RATE_LIMIT_EXCEEDED");
        Assert.Equal(AccountsHost.Comparable(locked.Body), AccountsHost.Comparable(lockedUnknown.Body));
        var retryAfter = int.Parse(Assert.Single(locked.Response.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 900);

        host.Clock.Advance(TimeSpan.FromSeconds(retryAfter));
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email, AccountsHost.Password, LicensingHost.NewClientAddress())).Status);

        Assert.Equal(10, await FailedLoginsAsync() - failedBefore);
    }

    private async Task<long> FailedLoginsAsync()
    {
        var stats = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/stats"));
        return stats.GetProperty("failed_logins_per_day").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task One_client_address_is_limited_across_email_addresses()
    {
        var address = LicensingHost.NewClientAddress();
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(AccountsHost.NewEmail(), "mauvais mot de passe !", address)).Status);
        }
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.LoginAsync(email, AccountsHost.Password, address)).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email, AccountsHost.Password, LicensingHost.NewClientAddress())).Status);
    }
}
