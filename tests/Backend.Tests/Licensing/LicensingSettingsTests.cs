using Backend.Core.Licensing;

namespace Backend.Tests.Licensing;

public sealed class LicensingSettingsTests
{
    private static LicensingSettings Valid() => new()
    {
        AdminApiKey = new string('k', 40),
        SigningPrivateKey = Convert.ToBase64String(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey()),
    };

    [Fact]
    public void Complete_settings_have_no_problem() => Assert.Empty(Valid().Validate());

    [Theory]
    [InlineData("AdminApiKey", "", "Licensing__AdminApiKey")]
    [InlineData("AdminApiKey", "short", "Licensing__AdminApiKey")]
    [InlineData("SigningPrivateKey", "", "Licensing__SigningPrivateKey")]
    [InlineData("SigningPrivateKey", "bm90IGEga2V5", "Licensing__SigningPrivateKey")]
    [InlineData("TrustedProxies", "10.0.0.0/8, proxy.local", "Licensing__TrustedProxies")]
    [InlineData("FlushIntervalMilliseconds", "5000", "Licensing__FlushIntervalMilliseconds")]
    [InlineData("RenewalUrl", "renew", "Licensing__RenewalUrl")]
    public void Each_problem_names_its_setting(string property, string value, string setting)
    {
        var settings = Valid();
        var info = typeof(LicensingSettings).GetProperty(property)!;
        info.SetValue(settings, info.PropertyType == typeof(int) ? int.Parse(value) : value);

        Assert.Contains(settings.Validate(), p => p.Contains(setting));
    }

    [Fact]
    public void A_rate_limit_of_zero_is_refused()
    {
        var settings = Valid();
        settings.RateLimits.Validate.Limit = 0;

        Assert.Contains(settings.Validate(), p => p.Contains("Licensing__RateLimits__Validate__Limit"));
    }
}
