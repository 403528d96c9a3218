namespace Backend.Core.Products;

public static class ProductErrorCodes
{
    /// <summary>A product with this code already exists.</summary>
    public const string ProductExists = "PRODUCT_EXISTS";

    /// <summary>No product has this code.</summary>
    public const string ProductNotFound = "PRODUCT_NOT_FOUND";
}
