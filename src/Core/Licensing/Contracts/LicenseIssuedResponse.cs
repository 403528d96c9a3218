using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

/// <summary>201 of trial, 200 of activate: the signed key and what it grants.</summary>
public sealed record LicenseIssuedResponse(string LicenseKey, string LicenseType, DateTimeOffset ExpiresAt, int DaysRemaining, string Message)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
