namespace Backend.Core.Licensing;

/// <summary>Trials started in an ISO week (starting Monday, UTC) and how many of them have since been activated.</summary>
public sealed record TrialWeek(DateOnly WeekStart, long Created, long Converted);
