namespace Backend.Core.Accounts;

public static class AccountErrorCodes
{
    /// <summary>Wrong password, unknown email or disabled account: one answer for all three.</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string InvalidSetupToken = "INVALID_SETUP_TOKEN";
    public const string AccountExists = "ACCOUNT_EXISTS";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
}
