namespace Backend.Core.Products;

/// <summary>Relative to the <c>api</c> prefix (SelfHost's route group, Functions' host.json routePrefix).</summary>
public static class ProductRoutes
{
    public const string Products = "v1/admin/products";
    public const string Product = "v1/admin/products/{code}";
}
