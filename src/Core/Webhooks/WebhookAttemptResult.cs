namespace Backend.Core.Webhooks;

/// <summary>One HTTP attempt, as the delivery log keeps it.</summary>
/// <param name="StatusCode">null when no answer came (refused address, connection error, timeout).</param>
public sealed record WebhookAttemptResult(int? StatusCode, int LatencyMilliseconds, string? ResponseExcerpt, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public string Describe() => Error ?? $"HTTP {StatusCode}";
}
