using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backend.Core.Http;

/// <summary>
/// Turns an exception that escaped a handler into the error envelope. A database that is down or slow
/// (or a blob store that cannot be reached) is a 503 the client may retry; anything else is a 500. Never a stack trace in the body.
/// Used by SelfHost's exception middleware and by the function apps' worker middleware.
/// </summary>
public static class UnhandledExceptionResult
{
    public static IResult For(HttpContext context, Exception exception, ILogger logger)
    {
        var requestId = RequestId.Get(context);
        if (IsTransientDependencyFailure(exception))
        {
            logger.LogWarning(exception, "Request {RequestId} failed: dependency unavailable ({ExceptionType})", requestId, exception.GetType().Name);
            context.Response.Headers.RetryAfter = "5";
            return ApiError.Result(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServerError,
                "Service temporairement indisponible. Réessayez dans quelques secondes.");
        }
        if (exception is BadHttpRequestException bad)
        {
            return ApiError.Result(context, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.PayloadTooLarge : ErrorCodes.InvalidRequest,
                "Requête malformée.");
        }
        logger.LogError(exception, "Request {RequestId} failed", requestId);
        return ApiError.Result(context, StatusCodes.Status500InternalServerError, ErrorCodes.ServerError, "Erreur serveur interne.");
    }

    public static bool IsTransientDependencyFailure(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => true, // shutdown, crash, cannot connect now, too many connections
        NpgsqlException { InnerException: TimeoutException or System.Net.Sockets.SocketException or IOException } => true,
        TimeoutException => true,
        Storage.BlobStoreUnavailableException => true,
        InvalidOperationException { InnerException: NpgsqlException inner } => IsTransientDependencyFailure(inner),
        _ => false,
    };
}
