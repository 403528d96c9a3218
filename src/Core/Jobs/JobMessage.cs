namespace Backend.Core.Jobs;

/// <summary>One delivery of a queued message, whichever queue carried it.</summary>
/// <param name="MessageId">Stable across redeliveries of the same message.</param>
/// <param name="DeliveryCount">1 on the first delivery; grows with each redelivery by the platform.</param>
public sealed record JobMessage(string MessageId, string Body, int DeliveryCount);
