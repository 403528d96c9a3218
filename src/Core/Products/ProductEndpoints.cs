using Backend.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Products;

public static class ProductEndpoints
{
    /// <summary>Maps the catalog's admin routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("").WithTags("Products (admin)");
        products.MapPost(ProductRoutes.Products, (CreateProductHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("CreateProduct").WithSummary("Ajoute un produit au catalogue")
            .Accepts<CreateProductRequest>("application/json")
            .Produces<ProductResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 401, 409, 413, 415);
        products.MapGet(ProductRoutes.Products, (ListProductsHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListProducts").WithSummary("Le catalogue des produits")
            .Produces<ProductListResponse>()
            .ProducesApiErrors(401);
        products.MapPatch(ProductRoutes.Product, (UpdateProductHandler handler, HttpContext context, string code) => handler.HandleAsync(context, code))
            .WithName("UpdateProduct").WithSummary("Modifie nom, durée d'essai, types de licence ou URL de renouvellement d'un produit")
            .Accepts<UpdateProductRequest>("application/json")
            .Produces<ProductResponse>()
            .ProducesApiErrors(400, 401, 404, 413, 415);
        return api;
    }
}
