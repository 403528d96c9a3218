namespace Backend.Core.Accounts;

public sealed record NewAccount(Guid Id, string Email, string Role, Guid? TenantId, string DisplayName, string? PasswordHash, DateTimeOffset CreatedAt, string CreatedBy);
