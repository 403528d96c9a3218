using System.Text.Json.Serialization;

namespace Backend.Core.Accounts;

/// <summary>Answer of login and refresh: a 1-hour access token and a single-use refresh token.</summary>
public sealed record TokenResponse(string AccessToken, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, SignedInAccount Account)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    public string TokenType => "Bearer";
}
