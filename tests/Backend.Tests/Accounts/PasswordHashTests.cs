using System.Net;
using Backend.Core.Accounts;
using Backend.Tests.Licensing;
using Dapper;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Accounts;

public sealed class PasswordHashTests(AccountsHost host) : IClassFixture<AccountsHost>
{
    private static PasswordHasher Hasher(int memoryKib, int iterations, int parallelism = 1) =>
        new(Options.Create(new AccountSettings { Argon2MemoryKib = memoryKib, Argon2Iterations = iterations, Argon2Parallelism = parallelism }));

    [Fact]
    public async Task Hashes_are_argon2id_phc_strings_with_their_parameters_and_a_fresh_salt()
    {
        var hasher = Hasher(64, 1);
        var first = await hasher.HashAsync("une phrase de passe", CancellationToken.None);
        var second = await hasher.HashAsync("une phrase de passe", CancellationToken.None);

        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", first);
        Assert.NotEqual(first, second);
        Assert.Equal((true, false), await hasher.VerifyAsync("une phrase de passe", first, CancellationToken.None));
        Assert.Equal((false, false), await hasher.VerifyAsync("une phrase de passE", first, CancellationToken.None));
        Assert.Equal((false, false), await hasher.VerifyAsync("une phrase de passe", null, CancellationToken.None));
        Assert.Equal((false, false), await hasher.VerifyAsync("une phrase de passe", "$argon2id$v=19$garbage", CancellationToken.None));
        Assert.Equal((true, true), await Hasher(128, 2).VerifyAsync("une phrase de passe", first, CancellationToken.None));
    }

    [Fact]
    public async Task Checking_an_unknown_account_costs_a_full_hash_like_a_wrong_password()
    {
        // Timing must not tell whether an email is registered: with no stored hash the hasher still derives one.
        // Argon2 at 8 MiB takes milliseconds, a skipped check microseconds, so a quarter of the real cost is a safe bar.
        var hasher = Hasher(8 * 1024, 2);
        var stored = await hasher.HashAsync("une phrase de passe", CancellationToken.None);
        async Task<double> MedianAsync(string? hash)
        {
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await hasher.VerifyAsync("pas la bonne phrase", hash, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(3);
        }

        var wrongPassword = await MedianAsync(stored);
        var unknownAccount = await MedianAsync(null);

        Assert.True(unknownAccount > wrongPassword / 4, $"unknown account {unknownAccount:F2} ms vs wrong password {wrongPassword:F2} ms");
    }

    [Fact]
    public void The_production_defaults_are_at_least_owasps_argon2id_minimum()
    {
        var defaults = new AccountSettings();
        Assert.True(defaults.Argon2MemoryKib >= 19 * 1024 && defaults.Argon2Iterations >= 2 && defaults.Argon2Parallelism >= 1);
        Assert.Empty(defaults.Validate());
    }

    [Fact]
    public async Task Raised_parameters_rehash_the_password_at_the_next_sign_in()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        async Task<string> StoredAsync() => await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM accounts WHERE email = @email", new { email }) ?? "";
        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", await StoredAsync());

        await using var stronger = host.CreateFactory(s =>
        {
            s["Accounts:Argon2MemoryKib"] = "256";
            s["Accounts:Argon2Iterations"] = "3";
        });
        var login = await stronger.CreateClient().PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email, password = AccountsHost.Password }));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var upgraded = await StoredAsync();
        Assert.StartsWith("$argon2id$v=19$m=256,t=3,p=1$", upgraded);
        // The host still configured with the old cost verifies the stronger hash and does not downgrade it.
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email)).Status);
        Assert.Equal(upgraded, await StoredAsync());
    }

    [Theory]
    [InlineData("court", false)]
    [InlineData("onze carac.", false)]
    [InlineData("password1234", false)]
    [InlineData("MotDePasse2026", false)]
    [InlineData("azertyuiop123", false)]
    [InlineData("aaaaaaaaaaaaaaa", false)]
    [InlineData("abcdefghijklmno", false)]
    [InlineData("123412341234", false)]
    [InlineData("easyfacture2026", false)]
    [InlineData("jean.dupont.exemple", false)]
    [InlineData("correct horse battery", true)]
    [InlineData("mon chat s'appelle Gribouille", true)]
    [InlineData("éléphant rose à pois", true)]
    [InlineData("tout en minuscules sans chiffres", true)]
    public void Passwords_follow_nist_800_63b(string password, bool accepted)
    {
        Assert.Equal(accepted, PasswordPolicy.Problem(password, "jean.dupont.exemple@exemple.fr") is null);
    }
}
