using System.Text.Json.Serialization;

namespace Backend.Core.Accounts;

public sealed record AccountListResponse(int Page, int PageSize, long Total, IReadOnlyList<AccountView> Accounts)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
