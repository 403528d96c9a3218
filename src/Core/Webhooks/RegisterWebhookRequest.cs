namespace Backend.Core.Webhooks;

/// <summary>The body of a registration (for the OpenAPI document).</summary>
public sealed record RegisterWebhookRequest(string Url, IReadOnlyList<string> Events, string? Description, string? OwnerEmail);
