using Backend.Core.Http;
using Backend.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when the database and the blob store answer, 503 naming the one that does not.
/// Each probe has its own short deadline so a hung dependency cannot hang the probe. A host without a blob store
/// (the license app, which is given no storage access) reports the database only.
/// </summary>
public sealed class HealthHandler(NpgsqlDataSource dataSource, IBlobStore? blobStore = null)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var database = await ProbeAsync(CheckDatabaseAsync, context.RequestAborted);
        var checks = new Dictionary<string, object> { ["database"] = Check(database) };
        var healthy = database is null;
        if (blobStore is not null)
        {
            var blobs = await ProbeAsync(blobStore.CheckHealthAsync, context.RequestAborted);
            checks["blob_store"] = Check(blobs);
            healthy &= blobs is null;
        }
        RequestId.Get(context);
        return Results.Json(new { status = healthy ? "healthy" : "unhealthy", checks },
            JsonDefaults.SnakeCase, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static object Check(string? error) => new { status = error is null ? "up" : "down", error };

    private async Task<string?> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", commandTimeout: 3, cancellationToken: cancellationToken));
            return null;
        }
        catch (NpgsqlException e)
        {
            return $"postgres unreachable ({(e as PostgresException)?.SqlState ?? e.GetType().Name})";
        }
    }

    private static async Task<string?> ProbeAsync(Func<CancellationToken, Task<string?>> probe, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await probe(timeout.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return "timed out";
        }
    }
}
