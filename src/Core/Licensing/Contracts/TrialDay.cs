namespace Backend.Core.Licensing;

/// <summary>Trials started on a day (UTC) and how many of them have since been activated.</summary>
public sealed record TrialDay(DateOnly Day, long Created, long Converted);
