using System.Text.Json.Serialization;

namespace Backend.Core.Accounts;

/// <summary>An account as the admin API shows it; never its password hash.</summary>
public sealed record AccountView(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? TenantId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DisabledAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastLoginAt,
    bool HasPassword);
