using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Backend.Tests.Deployment;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.0/8 is all local), so one machine can play
/// several clients, and reach any host name at 127.0.0.1 while TLS still checks the name. HTTPS trusts only the
/// root given (Caddy's internal CA), never the machine's store.
/// </summary>
public static class ProxyClients
{
    public static HttpClient Create(IPAddress source, X509Certificate2? trustedRoot)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        if (trustedRoot is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
            {
                // The name must match; only the chain is judged against Caddy's root instead of the system store.
                if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                // The intermediate comes from the handshake.
                if (presented is not null)
                {
                    foreach (var element in presented.ChainElements)
                    {
                        chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                    }
                }
                var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                return chain.Build(leaf);
            };
        }
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }
}
