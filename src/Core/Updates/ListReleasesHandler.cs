using Backend.Core.Http;
using Backend.Core.Products;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Updates;

/// <summary>
/// <c>GET</c> <see cref="UpdateRoutes.Releases"/><c>?product=&amp;channel=</c>: releases, newest version first, each with
/// its adoption (<c>machines</c>, <c>machines_7d</c>: licensed machines whose last heartbeat, within 30 or 7 days,
/// reported that version; <c>product_machines</c>, <c>product_machines_7d</c>: all the product's machines heard from then).
/// </summary>
public sealed class ListReleasesHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = new RequestFields(default);
        foreach (var key in context.Request.Query.Keys.Where(k => k is not ("product" or "channel")))
        {
            errors.AddError(key, "paramètre inconnu");
        }
        var product = NullIfEmpty(context.Request.Query["product"].ToString());
        if (product is not null && !ProductCode.IsValid(product))
        {
            errors.AddError("product", "code produit attendu");
        }
        var channel = NullIfEmpty(context.Request.Query["channel"].ToString());
        if (channel is not null && !UpdateChannel.IsValid(channel))
        {
            errors.AddError("channel", "canal attendu, ex. stable");
        }
        if (errors.HasErrors)
        {
            return PublishReleaseHandler.BadRequest(context, errors);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var releases = await ReleaseStore.ListAsync(connection, product, channel, time.GetUtcNow(), context.RequestAborted);
        return Results.Json(new ReleaseListResponse(releases), JsonDefaults.SnakeCase);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
