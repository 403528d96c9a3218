namespace Backend.Core.Jobs;

/// <summary>One delivery of a queued message, whichever queue carried it.</summary>
/// <param name="MessageId">Stable across redeliveries of the same message.</param>
/// <param name="DeliveryCount">1 on the first delivery; grows with each redelivery by the platform.</param>
/// <param name="TraceParent">The W3C trace context of the sender's span, if it was traced (<see cref="Telemetry.JobTracing"/>).</param>
public sealed record JobMessage(string MessageId, string Body, int DeliveryCount, string? TraceParent = null);
