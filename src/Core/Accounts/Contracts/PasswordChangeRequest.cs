namespace Backend.Core.Accounts;

/// <summary>Body of <c>POST auth/password/change</c>, sent with one's own access token.</summary>
public sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);
