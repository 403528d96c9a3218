namespace Backend.Core.Partners;

public static class PartnerAuditActions
{
    public const string PartnerCreated = "partner.created";
    public const string PartnerDisabled = "partner.disabled";
    public const string CodesCreated = "partner.activation_codes.created";
    public const string CodesListed = "partner.activation_codes.listed";
}
