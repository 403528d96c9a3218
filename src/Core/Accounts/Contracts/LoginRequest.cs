namespace Backend.Core.Accounts;

/// <summary>Body of <c>POST auth/login</c> (documents the contract; handlers read bodies field by field).</summary>
public sealed record LoginRequest(string Email, string Password);
