using System.Net;
using System.Net.Sockets;

namespace Backend.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on right now, for a process a test starts.</summary>
public static class FreeTcpPort
{
    // The kernel may hand a closed port out again, and test classes run in parallel: without this, two servers of one
    // run could be given the same port, and one would answer the other's requests.
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
