using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Backend.Core.Webhooks;

/// <summary>
/// SSRF defence: an endpoint may only be reached at public addresses. Checked when an endpoint is registered and
/// again on every connection (<see cref="WebhookSender"/> connects only to the address it checked), so a name that
/// later resolves to an internal address (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhookSettings> options)
{
    private static readonly IPAddress CloudMetadata = IPAddress.Parse("169.254.169.254");
    private static readonly IPAddress CloudMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    public bool AllowPrivateNetworks => options.Value.AllowPrivateNetworks;

    /// <returns>null when allowed, else why not (in French, for the API's error details).</returns>
    public string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.Equals(CloudMetadata) || address.Equals(CloudMetadataV6))
        {
            return "adresse de métadonnées cloud refusée";
        }
        var kind = Classify(address);
        return kind switch
        {
            AddressKind.Public => null,
            AddressKind.Private or AddressKind.Loopback when AllowPrivateNetworks => null,
            AddressKind.Private => "adresse de réseau privé refusée",
            AddressKind.Loopback => "adresse de bouclage refusée",
            AddressKind.LinkLocal => "adresse lien-local refusée",
            _ => "adresse réservée refusée",
        };
    }

    /// <summary>Checks an endpoint URL: scheme, no credentials, and every address its host resolves to.</summary>
    public async Task<string?> CheckUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "URL absolue https attendue";
        }
        if (uri.Scheme == "http" && !AllowPrivateNetworks)
        {
            return "https obligatoire";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "identifiants dans l'URL refusés";
        }
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "nom d'hôte introuvable";
        }
        if (addresses.Length == 0)
        {
            return "nom d'hôte introuvable";
        }
        return addresses.Select(Refusal).FirstOrDefault(r => r is not null);
    }

    private enum AddressKind
    {
        Public,
        Private,
        Loopback,
        LinkLocal,
        Reserved,
    }

    private static AddressKind Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [127, ..] => AddressKind.Loopback,
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => AddressKind.Private,
                [100, >= 64 and <= 127, ..] => AddressKind.Private, // carrier-grade NAT
                [169, 254, ..] => AddressKind.LinkLocal,
                [0, ..] or [192, 0, 0, _] or [192, 0, 2, _] or [198, 18 or 19, ..] or [198, 51, 100, _] or [203, 0, 113, _] => AddressKind.Reserved,
                [>= 224, ..] => AddressKind.Reserved, // multicast, class E, broadcast
                _ => AddressKind.Public,
            };
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressKind.Reserved;
        }
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressKind.Loopback;
        }
        if (address.Equals(IPAddress.IPv6None))
        {
            return AddressKind.Reserved;
        }
        var v6 = address.GetAddressBytes();
        // Addresses that carry an IPv4 address (NAT64, 6to4) are judged by it.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)
        {
            return Classify(new IPAddress(v6[12..16]));
        }
        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return Classify(new IPAddress(v6[2..6]));
        }
        return v6[0] switch
        {
            0xfe when (v6[1] & 0xc0) == 0x80 => AddressKind.LinkLocal,
            0xfe when (v6[1] & 0xc0) == 0xc0 => AddressKind.Private, // deprecated site-local
            0xfc or 0xfd => AddressKind.Private,
            0xff => AddressKind.Reserved,
            0x00 => AddressKind.Reserved, // ::, IPv4-compatible and other special addresses
            _ when v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8 => AddressKind.Reserved, // documentation
            _ => AddressKind.Public,
        };
    }
}
