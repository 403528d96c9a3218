using System.Text.Json.Serialization;

namespace Backend.Core.Accounts;

/// <summary>The <c>account</c> member of a token answer.</summary>
public sealed record SignedInAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? TenantId);
