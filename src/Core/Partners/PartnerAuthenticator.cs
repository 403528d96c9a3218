using System.Security.Cryptography;
using Backend.Core.Http;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Partners;

/// <summary>
/// Resellers present their key in <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>). Configured keys are held as SHA-256
/// and all compared in constant time; an admin-created key is found by its public id, then its stored SHA-256 compared
/// in constant time. A partner key opens the partner API only: admin and license routes never accept it.
/// </summary>
public sealed class PartnerAuthenticator
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly List<(Partner Partner, byte[] Hash)> _configured;

    public PartnerAuthenticator(NpgsqlDataSource dataSource, IOptions<PartnerSettings> options)
    {
        _dataSource = dataSource;
        _configured = options.Value.ConfiguredKeys().Where(k => k is not null).Select(k => k!.Value).ToList();
    }

    public IReadOnlyCollection<string> ConfiguredNames => _configured.Select(c => c.Partner.Name).ToList();

    public IEnumerable<Partner> ConfiguredPartners => _configured.Select(c => c.Partner);

    public async Task<Partner?> AuthenticateAsync(HttpContext context)
    {
        var presented = context.Request.Headers[AdminAuthenticator.ApiKeyHeader].ToString().Trim();
        if (presented.Length == 0)
        {
            presented = BearerTokenAuthenticator.BearerOf(context.Request) ?? "";
        }
        if (presented.Length is 0 or > 512)
        {
            return null;
        }
        var hash = PartnerApiKey.Hash(presented);
        Partner? match = null;
        foreach (var (partner, known) in _configured)
        {
            // Every key is compared, whichever matches, so timing says nothing about the configured keys.
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                match ??= partner;
            }
        }
        if (match is null && PartnerApiKey.KeyIdOf(presented) is { } keyId)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(context.RequestAborted);
            var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
                "SELECT name, key_hash, products FROM partners WHERE key_id = @keyId AND disabled_at IS NULL",
                new { keyId }, cancellationToken: context.RequestAborted));
            if (row is not null && CryptographicOperations.FixedTimeEquals(hash, row.KeyHash))
            {
                match = new Partner(row.Name, row.Products);
            }
        }
        return match;
    }

    public static IResult Unauthorized(HttpContext context)
    {
        context.RequestServices.GetService<ILogger<PartnerAuthenticator>>()?.LogWarning(
            "Partner request {Method} {Path} refused: missing or wrong API key (request {RequestId})",
            context.Request.Method, context.Request.Path.Value, RequestId.Get(context));
        return ApiError.Result(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
            "Clé API de revendeur absente ou invalide.",
            new Dictionary<string, string> { ["authorization"] = "X-Api-Key: <clé revendeur> attendu" });
    }

    private sealed record KeyRow
    {
        public string Name { get; init; } = "";
        public byte[] KeyHash { get; init; } = [];
        public string[] Products { get; init; } = [];
    }
}
