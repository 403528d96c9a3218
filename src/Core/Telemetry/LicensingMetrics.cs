using System.Diagnostics.Metrics;
using Backend.Core.Http;
using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Core.Telemetry;

/// <summary>
/// The license server's business counters. Handlers call one method each; the outcome of a validation is read from
/// the answer the handler returns, so the counter and the client always agree.
/// </summary>
public sealed class LicensingMetrics
{
    private readonly Counter<long> _validations;
    private readonly Counter<long> _rateLimitRefusals;
    private readonly Counter<long> _trials;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _revocations;

    public LicensingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _validations = meter.CreateCounter<long>("easyfacture.license.validations", "{validation}",
            "License validations by outcome: valid, or the error code (license_revoked, license_expired, invalid_license_key, ...).");
        _rateLimitRefusals = meter.CreateCounter<long>("easyfacture.rate_limit.refusals", "{request}",
            "Requests refused with 429 by a rate limit, by route template (http.route).");
        _trials = meter.CreateCounter<long>("easyfacture.license.trials", "{license}", "Trial licenses issued.");
        _activations = meter.CreateCounter<long>("easyfacture.license.activations", "{license}", "Paid licenses activated with a code.");
        _revocations = meter.CreateCounter<long>("easyfacture.license.revocations", "{license}", "Licenses revoked by an admin.");
    }

    // Handlers reach the instruments through the request's services, so counting takes one line and no constructor change.
    private static LicensingMetrics? Of(HttpContext context) => context.RequestServices.GetService<LicensingMetrics>();

    /// <summary>Counts one validation by the answer it got; returns that answer unchanged.</summary>
    public static IResult Validation(HttpContext context, IResult result)
    {
        Of(context)?._validations.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeOf(result)));
        return result;
    }

    public static void TrialIssued(HttpContext context) => Of(context)?._trials.Add(1);

    public static void Activated(HttpContext context, string licenseType) =>
        Of(context)?._activations.Add(1, new KeyValuePair<string, object?>("license_type", licenseType));

    public static void Revoked(HttpContext context) => Of(context)?._revocations.Add(1);

    /// <summary>
    /// Counted where every limiter's 429 is written, tagged with the route template rather than the path: the path is
    /// the client's to choose (letter case, ids), the templates are as few as the mapped routes.
    /// </summary>
    public static void RateLimited(HttpContext context) =>
        Of(context)?._rateLimitRefusals.Add(1,
            new KeyValuePair<string, object?>("http.route", RouteTemplate.Of(context)));

    internal static string OutcomeOf(IResult result) => result switch
    {
        JsonHttpResult<ValidationResponse> { Value: { Valid: true } } => "valid",
        JsonHttpResult<ValidationResponse> { Value: { Error: { } error } } => error.ToLowerInvariant(),
        JsonHttpResult<ApiError> { Value: { } error } => error.Error.ToLowerInvariant(),
        IStatusCodeHttpResult { StatusCode: { } status } => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "other",
    };
}
