namespace Backend.Core.Security;

/// <summary>The two kinds of people: the license vendor's admins and the users of one tenant.</summary>
public static class AccountRoles
{
    public const string Admin = "admin";
    public const string TenantUser = "tenant_user";

    public static bool IsKnown(string? role) => role is Admin or TenantUser;
}
