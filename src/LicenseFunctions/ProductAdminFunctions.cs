using Backend.Core.Products;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>The product catalog (admin); Core checks the admin key or token.</summary>
public sealed class ProductAdminFunctions(CreateProductHandler create, ListProductsHandler list, UpdateProductHandler update)
{
    [Function("ProductCreate")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ProductRoutes.Products)] HttpRequest request) =>
        create.HandleAsync(request.HttpContext);

    [Function("ProductList")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ProductRoutes.Products)] HttpRequest request) =>
        list.HandleAsync(request.HttpContext);

    [Function("ProductUpdate")]
    public Task<IResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ProductRoutes.Product)] HttpRequest request, string code) =>
        update.HandleAsync(request.HttpContext, code);
}
