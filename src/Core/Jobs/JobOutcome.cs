namespace Backend.Core.Jobs;

public sealed record JobOutcome
{
    public static JobOutcome Completed { get; } = new() { DeadLetterReason = null };

    /// <summary>Set when the message can never succeed (unparseable body, unknown id).</summary>
    public string? DeadLetterReason { get; private init; }

    public static JobOutcome DeadLetter(string reason) => new() { DeadLetterReason = reason };
}
