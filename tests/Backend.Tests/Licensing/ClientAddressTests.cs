using System.Net;
using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Licensing;

public sealed class ClientAddressTests
{
    private static IPAddress? Resolve(string trusted, string peer, string? forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }
        return new ClientAddress(Options.Create(new LicensingSettings { TrustedProxies = trusted })).Of(context);
    }

    [Theory]
    [InlineData("", "198.51.100.1", "203.0.113.9", "198.51.100.1")]                          // no trusted proxy: the header is ignored
    [InlineData("10.0.0.0/8", "198.51.100.1", "203.0.113.9", "198.51.100.1")]                // peer not trusted
    [InlineData("10.0.0.0/8", "10.1.2.3", "203.0.113.9", "203.0.113.9")]                     // trusted proxy
    [InlineData("10.0.0.0/8", "10.1.2.3", "6.6.6.6, 203.0.113.9", "203.0.113.9")]            // a client-supplied hop on the left is not believed
    [InlineData("10.0.0.0/8", "10.1.2.3", "203.0.113.9, 10.9.9.9", "203.0.113.9")]           // chained trusted proxies are skipped
    [InlineData("10.0.0.0/8", "10.1.2.3", "203.0.113.9:51234", "203.0.113.9")]               // Azure writes address:port
    [InlineData("10.0.0.0/8", "10.1.2.3", "garbage", "10.1.2.3")]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", "203.0.113.9", "203.0.113.9")]              // IPv4-mapped peer
    [InlineData("127.0.0.1", "127.0.0.1", null, "127.0.0.1")]
    public void Forwarded_for_is_read_from_the_right_and_only_behind_trusted_proxies(string trusted, string peer, string? forwardedFor, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), Resolve(trusted, peer, forwardedFor));
}
