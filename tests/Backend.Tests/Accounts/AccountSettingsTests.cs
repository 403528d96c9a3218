using Backend.Core.Accounts;
using Backend.Core.Security;

namespace Backend.Tests.Accounts;

public sealed class AccountSettingsTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData("", " ", true)] // a Key Vault placeholder for "no bootstrap"
    [InlineData("admin@exemple.fr", "une phrase de passe bien longue", true)]
    [InlineData("admin@exemple.fr", null, false)]
    [InlineData(null, "une phrase de passe bien longue", false)]
    [InlineData("pas-un-email", "une phrase de passe bien longue", false)]
    [InlineData("admin@exemple.fr", "password1234", false)]
    public void The_bootstrap_admin_settings_go_together_and_follow_the_password_rules(string? email, string? password, bool valid)
    {
        var problems = new AccountSettings { BootstrapAdminEmail = email, BootstrapAdminPassword = password }.Validate().ToList();

        Assert.Equal(valid, problems.Count == 0);
        Assert.All(problems, p => Assert.DoesNotContain("password1234", p));
    }

    [Fact]
    public void Access_token_keys_are_checked_without_echoing_them()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        var problems = new AccessTokenSettings { ActiveKeyId = "v2", Keys = { ["v1"] = shortKey } }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("AccessTokens__Keys__v2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AccessTokens__Keys__v1", StringComparison.Ordinal) && p.Contains("32", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain(shortKey, p));
        Assert.Empty(new AccessTokenSettings { ActiveKeyId = "v1", Keys = { ["v1"] = Convert.ToBase64String(new byte[32]) } }.Validate());
    }
}
