namespace Backend.Core.Webhooks;

/// <summary>201 of a registration: the secret is shown once, here (and at each rotation).</summary>
public sealed record WebhookCreatedResponse(bool Success, Guid Id, string Secret, string Url, IReadOnlyList<string> Events, string? Description);

public sealed record WebhookEndpointView(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string? OwnerEmail,
    bool Enabled, DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretExpiresAt);

public sealed record WebhookListResponse(bool Success, IReadOnlyList<WebhookEndpointView> Webhooks);

public sealed record WebhookAttemptView(DateTimeOffset AttemptedAt, int? StatusCode, int LatencyMs, string? ResponseExcerpt, string? Error);

public sealed record WebhookDeliveryView(long Id, string EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttemptView> AttemptLog);

public sealed record WebhookDeliveriesResponse(bool Success, IReadOnlyList<WebhookDeliveryView> Deliveries);

public sealed record WebhookSecretResponse(bool Success, string Secret, DateTimeOffset? PreviousSecretExpiresAt);

public sealed record WebhookChangedResponse(bool Success, string Message);
