namespace Backend.Core.Accounts;

/// <summary>Body of <c>POST auth/refresh</c> and <c>POST auth/logout</c>; browsers may send the refresh cookie instead.</summary>
public sealed record RefreshRequest(string? RefreshToken);
