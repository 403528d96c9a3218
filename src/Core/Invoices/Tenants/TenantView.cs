namespace Backend.Core.Invoices.Tenants;

/// <summary>An accounting firm as the admin console lists it.</summary>
public sealed record TenantView(Guid TenantId, string Name, DateTimeOffset CreatedAt);
