namespace Backend.Core.Accounts;

/// <summary>Query of <c>GET admin/accounts</c>: <c>role, tenant_id, email</c> (substring, case-insensitive), pages from 1.</summary>
public sealed record AccountFilter(string? Role, Guid? TenantId, string? Email, int Page, int PageSize);
