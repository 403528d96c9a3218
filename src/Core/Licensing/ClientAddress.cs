using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Core.Licensing;

/// <summary>
/// The address rate limits are keyed on. <c>X-Forwarded-For</c> is believed only when the peer is a
/// configured trusted proxy, and then read from the right, skipping further trusted proxies, so a client
/// cannot pick its own address by sending the header itself.
/// </summary>
public sealed class ClientAddress
{
    private readonly List<IPNetwork> _trusted = [];
    private readonly int _ipv6PrefixLength;

    public ClientAddress(IOptions<LicensingSettings> options)
    {
        _ipv6PrefixLength = options.Value.RateLimits.IPv6PrefixLength;
        foreach (var entry in LicensingSettings.Split(options.Value.TrustedProxies))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                _trusted.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                _trusted.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
        }
    }

    /// <summary>
    /// The rate-limit subject of a client: an IPv4 address; for IPv6 the network of its first
    /// <c>RateLimits__IPv6PrefixLength</c> bits (a /64 by default, what one subscriber gets, so rotating through the
    /// 2^64 addresses of one's own network buys nothing); one shared bucket for clients whose address is unknown.
    /// </summary>
    public string RateLimitSubject(IPAddress? address) => address switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } when _ipv6PrefixLength < 128 =>
            new IPNetwork(Mask(address, _ipv6PrefixLength), _ipv6PrefixLength).ToString(),
        _ => address.ToString(),
    };

    private static IPAddress Mask(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefixLength - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    public IPAddress? Of(HttpContext context)
    {
        var peer = Canonical(context.Connection.RemoteIpAddress);
        if (peer is null || !IsTrusted(peer))
        {
            return peer;
        }
        var hops = context.Request.Headers["X-Forwarded-For"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            // Azure's front ends write "address:port".
            if (!IPAddress.TryParse(hops[i], out var hop) && !TryParseEndPoint(hops[i], out hop))
            {
                // A garbled hop ends what we can believe; the last good address is the client as far as we know.
                return peer;
            }
            hop = Canonical(hop)!;
            if (!IsTrusted(hop))
            {
                return hop;
            }
            peer = hop;
        }
        return peer;
    }

    private static bool TryParseEndPoint(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPEndPoint.TryParse(text, out var endPoint))
        {
            return false;
        }
        address = endPoint.Address;
        return true;
    }

    private bool IsTrusted(IPAddress address) => _trusted.Any(n => n.Contains(address));

    private static IPAddress? Canonical(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
