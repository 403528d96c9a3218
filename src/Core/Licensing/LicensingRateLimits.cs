namespace Backend.Core.Licensing;

/// <summary>The seed's limits: trial 3/h/IP, activate 10/h/IP, validate 100/h/IP, heartbeat 1/24 h/machine.</summary>
public sealed class LicensingRateLimits
{
    public RateLimitRule Trial { get; set; } = new() { Limit = 3, WindowSeconds = 3600 };
    public RateLimitRule Activate { get; set; } = new() { Limit = 10, WindowSeconds = 3600 };
    public RateLimitRule Validate { get; set; } = new() { Limit = 100, WindowSeconds = 3600 };
    public RateLimitRule Heartbeat { get; set; } = new() { Limit = 1, WindowSeconds = 86400 };
}
