namespace Backend.Core.Partners;

/// <summary>Relative to the <c>api</c> prefix (SelfHost's route group, Functions' host.json routePrefix).</summary>
public static class PartnerRoutes
{
    /// <summary>Admins create and list resellers.</summary>
    public const string Partners = "v1/admin/partners";

    /// <summary>Admins disable a reseller created by an admin: its key stops working at once.</summary>
    public const string DisablePartner = "v1/admin/partners/{name}/disable";

    /// <summary>Resellers create and list their activation codes.</summary>
    public const string ActivationCodes = "v1/partner/activation-codes";
}
