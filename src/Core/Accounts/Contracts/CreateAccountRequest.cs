namespace Backend.Core.Accounts;

/// <summary>Body of <c>POST admin/accounts</c>. Without <c>password</c> the answer carries a password-setup token.</summary>
public sealed record CreateAccountRequest(string Email, string Role, Guid? TenantId, string DisplayName, string? Password);
