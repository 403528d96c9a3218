namespace Backend.Core.Accounts;

/// <summary>Body of <c>POST auth/password/setup</c>: a single-use setup token and the chosen password.</summary>
public sealed record PasswordSetupRequest(string Token, string Password);
