using System.Text.Json.Serialization;

namespace Backend.Core.Accounts;

/// <summary>Answer of account creation, disabling, enabling and reset; a setup token when the account needs a password.</summary>
public sealed record AccountResponse(AccountView Account, string? PasswordSetupToken, DateTimeOffset? PasswordSetupExpiresAt)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
