using System.Net;
using System.Net.Sockets;

namespace Backend.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on right now, for a process a test starts.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
