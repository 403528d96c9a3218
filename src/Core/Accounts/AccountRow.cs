namespace Backend.Core.Accounts;

/// <summary>A row of <c>accounts</c>.</summary>
public sealed record AccountRow
{
    public const string Columns = "id, email, role, tenant_id, display_name, password_hash, created_at, created_by, disabled_at, last_login_at";

    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? TenantId { get; init; }
    public string DisplayName { get; init; } = "";
    public string? PasswordHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? DisabledAt { get; init; }
    public DateTimeOffset? LastLoginAt { get; init; }

    public AccountView View() => new(Id, Email, DisplayName, Role, TenantId, CreatedAt, CreatedBy, DisabledAt, LastLoginAt, PasswordHash is not null);

    public SignedInAccount SignedIn() => new(Id, Email, DisplayName, Role, TenantId);
}
