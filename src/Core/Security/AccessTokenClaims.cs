namespace Backend.Core.Security;

/// <summary>What a valid access token asserts: the account, its role and tenant, and the sign-in (session family) it belongs to.</summary>
public sealed record AccessTokenClaims(Guid AccountId, string Role, Guid? TenantId, Guid SessionId, string TokenId, DateTimeOffset ExpiresAt);
