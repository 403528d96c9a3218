namespace Backend.Core.Accounts;

/// <summary>Relative to the <c>api</c> prefix (SelfHost's route group, Functions' host.json routePrefix).</summary>
public static class AccountRoutes
{
    public const string Login = "v1/auth/login";
    public const string Refresh = "v1/auth/refresh";
    public const string Logout = "v1/auth/logout";
    public const string PasswordSetup = "v1/auth/password/setup";
    public const string PasswordChange = "v1/auth/password/change";
    public const string Accounts = "v1/admin/accounts";
    public const string Disable = "v1/admin/accounts/{accountId}/disable";
    public const string Enable = "v1/admin/accounts/{accountId}/enable";
    public const string PasswordReset = "v1/admin/accounts/{accountId}/password-reset";
}
