using System.Net;

namespace Backend.Core.Licensing;

public readonly record struct ValidationEvent(long LicenseId, DateTimeOffset At, IPAddress? IpAddress, string? UserAgent);
