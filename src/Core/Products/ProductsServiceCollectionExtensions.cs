using Microsoft.Extensions.DependencyInjection;

namespace Backend.Core.Products;

public static class ProductsServiceCollectionExtensions
{
    /// <summary>The catalog's admin handlers (after <c>AddLicensing</c>, whose settings and admin keys they use).</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.AddSingleton<CreateProductHandler>();
        services.AddSingleton<ListProductsHandler>();
        services.AddSingleton<UpdateProductHandler>();
        return services;
    }
}
