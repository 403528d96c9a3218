using Backend.Core.RateLimiting;

namespace Backend.Core.Licensing;

/// <summary>The seed's limits: trial 3/h/IP, activate 10/h/IP, validate 100/h/IP, heartbeat 1/24 h/machine.</summary>
public sealed class LicensingRateLimits
{
    public RateLimitRule Trial { get; set; } = new() { Limit = 3, WindowSeconds = 3600 };
    public RateLimitRule Activate { get; set; } = new() { Limit = 10, WindowSeconds = 3600 };
    public RateLimitRule Validate { get; set; } = new() { Limit = 100, WindowSeconds = 3600 };
    public RateLimitRule Heartbeat { get; set; } = new() { Limit = 1, WindowSeconds = 86400 };

    /// <summary>IPv6 clients are counted per network of this many leading bits (64: one subscriber's LAN); 128 = per address.</summary>
    public int IPv6PrefixLength { get; set; } = 64;

    /// <summary>
    /// Clients the batched (validate) limiter keeps counters for in memory per instance; past it, a new client's
    /// requests are counted straight in PostgreSQL, exactly, one write per request.
    /// </summary>
    public int MaxTrackedClients { get; set; } = 100_000;
}
