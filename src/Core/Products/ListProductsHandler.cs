using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Products;

/// <summary><c>GET</c> <see cref="ProductRoutes.Products"/>: the catalog, by code.</summary>
public sealed class ListProductsHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        return Results.Json(new ProductListResponse(await ProductStore.ListAsync(connection, context.RequestAborted)), JsonDefaults.SnakeCase);
    }
}
