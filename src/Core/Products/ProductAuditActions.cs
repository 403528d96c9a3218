namespace Backend.Core.Products;

/// <summary>The <c>audit_events.action</c> values of the catalog.</summary>
public static class ProductAuditActions
{
    public const string ProductCreated = "product.created";
    public const string ProductUpdated = "product.updated";
}
