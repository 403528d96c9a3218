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
            return Page(StatusCodes.Status400BadRequest, "Lien de désinscription invalide.");
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE email_subscriptions SET unsubscribed_at = coalesce(unsubscribed_at, @now) WHERE token = @token",
            new { token, now = time.GetUtcNow() }, cancellationToken: context.RequestAborted));
        return found == 1
            ? Page(StatusCodes.Status200OK, "Vous ne recevrez plus les rappels d'expiration de votre licence EasyFacture.")
            : Page(StatusCodes.Status404NotFound, "Lien de désinscription inconnu.");
    }

    private static IResult Page(int status, string message) =>
        Results.Text($"<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>EasyFacture</title><p>{message}</p></html>",
            "text/html; charset=utf-8", statusCode: status);
}
