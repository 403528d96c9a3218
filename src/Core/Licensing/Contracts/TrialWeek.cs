using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

/// <summary>Trials started in an ISO week (starting Monday, UTC) and how many of them have since been activated.</summary>
/// <remarks>The name is explicit: the OpenAPI document kept this record's member camelCase where the body is snake_case.</remarks>
public sealed record TrialWeek([property: JsonPropertyName("week_start")] DateOnly WeekStart, long Created, long Converted);
