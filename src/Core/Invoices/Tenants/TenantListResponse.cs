namespace Backend.Core.Invoices.Tenants;

/// <summary><c>{success, tenants:[{tenant_id, name, created_at}]}</c>, by name.</summary>
public sealed record TenantListResponse(bool Success, IReadOnlyList<TenantView> Tenants);
