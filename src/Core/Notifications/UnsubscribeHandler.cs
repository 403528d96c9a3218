using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Notifications;

/// <summary><see cref="EmailRoutes.Unsubscribe"/>: stops the expiry reminders of an address. Other e-mails (a key, a revocation) still go.</summary>
public sealed class UnsubscribeHandler(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        if (token.Length is 0 or > 64)
        {
            return Refusal(context, StatusCodes.Status400BadRequest, Http.ErrorCodes.InvalidRequest, "Lien de désinscription invalide.");
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE email_subscriptions SET unsubscribed_at = coalesce(unsubscribed_at, @now) WHERE token = @token",
            new { token, now = time.GetUtcNow() }, cancellationToken: context.RequestAborted));
        return found == 1
            ? Page(StatusCodes.Status200OK, "Vous ne recevrez plus les rappels d'expiration de votre licence EasyFacture.")
            : Refusal(context, StatusCodes.Status404NotFound, Http.ErrorCodes.NotFound, "Lien de désinscription inconnu.");
    }

    // A person following the link gets a page; a mail client's one-click POST (RFC 8058) or any other API client
    // gets the error envelope every endpoint answers with.
    private static IResult Refusal(HttpContext context, int status, string error, string message) =>
        context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? Page(status, message)
            : Http.ApiError.Result(context, status, error, message);

    private static IResult Page(int status, string message) =>
        Results.Text($"<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>EasyFacture</title><p>{message}</p></html>",
            "text/html; charset=utf-8", statusCode: status);
}
