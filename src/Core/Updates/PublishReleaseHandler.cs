using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Products;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Updates;

/// <summary>
/// <c>POST</c> <see cref="UpdateRoutes.Releases"/>: publishes a release of a product on a channel. Clients learn of it by
/// <see cref="CheckUpdateHandler"/>, the share of machines given by <c>rollout_percent</c>.
/// </summary>
public sealed class PublishReleaseHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    Audit.AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    public const string DefaultChannel = "stable";
    private static readonly IReadOnlySet<string> Members = new HashSet<string>
    {
        "product", "channel", "version", "url", "sha256", "size", "notes", "min_version", "rollout_percent",
    };

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var admin = await authenticator.AuthenticateAsync(context);
        if (admin is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, options.Value.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var product = fields.String("product", ProductCode.MaxLength, required: true);
        var channel = fields.String("channel", 20, required: false) ?? DefaultChannel;
        if (!UpdateChannel.IsValid(channel))
        {
            fields.AddError("channel", "lettres minuscules, chiffres ou -, 20 caractères au plus");
        }
        var version = fields.String("version", ReleaseVersion.MaxLength, required: true);
        if (!ReleaseVersion.TryParse(version, out var versionParts) && version is not null)
        {
            fields.AddError("version", "1 à 4 nombres séparés par des points, ex. 1.7.0");
        }
        var url = fields.String("url", 2000, required: true);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            fields.AddError("url", "URL https absolue attendue");
        }
        var sha256 = fields.String("sha256", 64, required: true)?.ToLowerInvariant();
        if (sha256 is not null && (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)))
        {
            fields.AddError("sha256", "64 caractères hexadécimaux attendus");
        }
        var size = fields.Int("size", 1, int.MaxValue, required: true);
        var notes = fields.String("notes", 10000, required: false);
        var minVersion = fields.String("min_version", ReleaseVersion.MaxLength, required: false);
        if (minVersion is not null && !ReleaseVersion.TryParse(minVersion, out _))
        {
            fields.AddError("min_version", "1 à 4 nombres séparés par des points, ex. 1.5.0");
        }
        var rollout = fields.Int("rollout_percent", 0, 100, required: false) ?? 100;
        if (fields.HasErrors)
        {
            return BadRequest(context, fields);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        if (await ProductStore.FindAsync(connection, null, product!, context.RequestAborted) is null)
        {
            fields.AddError("product", "produit inconnu");
            return BadRequest(context, fields);
        }
        var release = await ReleaseStore.InsertAsync(connection, new Release
        {
            Product = product!,
            Channel = channel,
            Version = version!,
            Url = url!,
            Sha256 = sha256!,
            Size = size!.Value,
            Notes = notes,
            MinVersion = minVersion,
            RolloutPercent = rollout,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = admin.Name,
        }, versionParts, context.RequestAborted);
        if (release is null)
        {
            return ApiError.Result(context, StatusCodes.Status409Conflict, UpdateErrorCodes.ReleaseExists,
                "Cette version est déjà publiée sur ce canal.", new Dictionary<string, string> { ["version"] = "déjà publiée" });
        }
        await audit.RecordAsync(connection, null, admin, UpdateAuditActions.ReleasePublished, $"{release.Product}/{release.Channel}/{release.Version}",
            new { release.Id, release.Url, release.Sha256, release.Size, rollout_percent = release.RolloutPercent }, context.RequestAborted);
        return Results.Json(new ReleaseResponse(release), JsonDefaults.SnakeCase, statusCode: StatusCodes.Status201Created);
    }

    internal static IResult BadRequest(HttpContext context, RequestFields fields) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
}
