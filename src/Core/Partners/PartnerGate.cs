using Backend.Core.Licensing;
using Backend.Core.RateLimiting;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Core.Partners;

/// <summary>
/// The way into every partner route: the key, then the reseller's own rate limit (<c>Partners__RateLimit</c>, counted in
/// PostgreSQL so it holds across instances). The reseller is recorded on the request as the named key <c>partner:name</c>,
/// which is how the audit trail names it.
/// </summary>
public sealed class PartnerGate(PartnerAuthenticator authenticator, PostgresRateLimiter rateLimiter, TimeProvider time, IOptions<PartnerSettings> options)
{
    public const string RateLimitBucket = "partner";

    public async Task<(Partner? Partner, Caller? Caller, IResult? Refusal)> EnterAsync(HttpContext context)
    {
        var partner = await authenticator.AuthenticateAsync(context);
        if (partner is null)
        {
            return (null, null, PartnerAuthenticator.Unauthorized(context));
        }
        var now = time.GetUtcNow();
        var decision = await rateLimiter.HitAsync(RateLimitBucket, partner.Name, options.Value.RateLimit, now, context.RequestAborted);
        if (!decision.Allowed)
        {
            return (null, null, LicenseResults.RateLimited(context, decision));
        }
        return (partner, Caller.ApiKey($"partner:{partner.Name}"), null);
    }
}
