using Backend.Core.Http;
using Backend.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when the database and the blob store answer, 503 naming the one that does not.
/// Each probe has its own short deadline so a hung dependency cannot hang the probe.
/// </summary>
public sealed class HealthHandler(NpgsqlDataSource dataSource, IBlobStore blobStore)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var database = await ProbeAsync(CheckDatabaseAsync, context.RequestAborted);
        var blobs = await ProbeAsync(blobStore.CheckHealthAsync, context.RequestAborted);
        var healthy = database is null && blobs is null;
        RequestId.Get(context);
        return Results.Json(new
        {
            status = healthy ? "healthy" : "unhealthy",
            checks = new
            {
                database = new { status = database is null ? "up" : "down", error = database },
                blob_store = new { status = blobs is null ? "up" : "down", error = blobs },
            },
        }, JsonDefaults.SnakeCase, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

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
