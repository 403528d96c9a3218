using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Products;
using EasyFacture.Licensing;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Updates;

/// <summary>
/// <c>GET</c> <see cref="UpdateRoutes.Check"/><c>?channel=stable&amp;current=1.6.0&amp;machine_id=…</c>: the newest release
/// newer than <c>current</c> whose rollout includes the machine (<see cref="RolloutBucket"/>), as a signed manifest; 204 when
/// there is none (up to date, or outside every newer release's rollout). Anonymous, like the rest of the client's API.
/// </summary>
public sealed class CheckUpdateHandler(NpgsqlDataSource dataSource, ReleaseManifestSigner signer)
{
    private static readonly HashSet<string> Known = ["channel", "current", "machine_id"];

    public async Task<IResult> HandleAsync(HttpContext context, string product)
    {
        var query = context.Request.Query;
        var errors = new RequestFields(default);
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.AddError(key, "paramètre inconnu");
        }
        var channel = query["channel"].ToString() is { Length: > 0 } given ? given : PublishReleaseHandler.DefaultChannel;
        if (!UpdateChannel.IsValid(channel))
        {
            errors.AddError("channel", "canal attendu, ex. stable");
        }
        var current = query["current"].ToString();
        if (current.Length == 0)
        {
            errors.AddError("current", "requis");
        }
        else if (!ReleaseVersion.TryParse(current, out _))
        {
            errors.AddError("current", "1 à 4 nombres séparés par des points, ex. 1.6.0");
        }
        var rawMachineId = query["machine_id"].ToString();
        string? machineId = null;
        if (rawMachineId.Length == 0)
        {
            errors.AddError("machine_id", "requis");
        }
        else if (!MachineId.TryNormalize(rawMachineId, out machineId))
        {
            errors.AddError("machine_id", "32 caractères hexadécimaux attendus");
        }
        if (errors.HasErrors)
        {
            return LicenseResults.BadRequest(context, errors);
        }
        if (!ProductCode.IsValid(product))
        {
            return UpdateProductHandler.NotFound(context);
        }

        ReleaseVersion.TryParse(current, out var currentParts);
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        if (await ProductStore.FindAsync(connection, null, product, context.RequestAborted) is null)
        {
            return UpdateProductHandler.NotFound(context);
        }
        var newer = await ReleaseStore.NewerAsync(connection, product, channel, currentParts, context.RequestAborted);
        var release = newer.FirstOrDefault(r => RolloutBucket.IsIn(product, machineId!, r.RolloutPercent));
        if (release is null)
        {
            return Results.NoContent();
        }
        var (manifest, signature) = signer.Sign(new ReleaseManifest
        {
            Product = release.Product,
            Channel = release.Channel,
            Version = release.Version,
            Url = release.Url,
            Sha256 = release.Sha256,
            Size = release.Size,
            Notes = release.Notes,
            MinVersion = release.MinVersion,
        });
        return Results.Json(new UpdateResponse(manifest, signature, signer.KeyId), JsonDefaults.SnakeCase);
    }
}
