using System.Net;
using Backend.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Events;

/// <summary>SSRF defence: which addresses and URLs an endpoint may have, with and without Webhooks__AllowPrivateNetworks.</summary>
public sealed class WebhookAddressGuardTests
{
    private static WebhookAddressGuard Guard(bool allowPrivate) => new(Options.Create(new WebhookSettings { AllowPrivateNetworks = allowPrivate }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2002:0a00:0001::1")]
    public void Internal_addresses_are_refused(string address) =>
        Assert.NotNull(Guard(allowPrivate: false).Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    public void Public_addresses_are_admitted(string address) =>
        Assert.Null(Guard(allowPrivate: false).Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("192.168.0.10", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("fe80::1", false)]
    [InlineData("0.0.0.0", false)]
    public void Allowing_private_networks_admits_private_and_loopback_but_never_metadata_or_link_local(string address, bool admitted) =>
        Assert.Equal(admitted, Guard(allowPrivate: true).Refusal(IPAddress.Parse(address)) is null);

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f.1/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    [InlineData("https://no-such-host.invalid/hook")]
    public async Task Urls_reaching_inside_or_malformed_are_refused(string url) =>
        Assert.NotNull(await Guard(allowPrivate: false).CheckUrlAsync(url, CancellationToken.None));

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://[fe80::1]/")]
    public async Task Metadata_and_link_local_urls_are_refused_even_when_private_networks_are_allowed(string url) =>
        Assert.NotNull(await Guard(allowPrivate: true).CheckUrlAsync(url, CancellationToken.None));

    [Fact]
    public async Task A_loopback_url_is_admitted_when_private_networks_are_allowed() =>
        Assert.Null(await Guard(allowPrivate: true).CheckUrlAsync("http://127.0.0.1:9/hook", CancellationToken.None));

    [Fact]
    public async Task The_sender_refuses_to_connect_to_a_refused_address_whatever_the_registration_said()
    {
        // An endpoint row pointing inside (as DNS rebinding would make it) is refused at connection time.
        using var sender = new WebhookSender(Guard(allowPrivate: false), Options.Create(new WebhookSettings()));
        var result = await sender.SendAsync("http://127.0.0.1:9/hook", "evt_1", DateTimeOffset.UtcNow, "{}", [WebhookSecret.New()], CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Contains("bouclage", result.Error, StringComparison.Ordinal);
    }
}
