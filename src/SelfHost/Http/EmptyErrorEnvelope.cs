using Backend.Core.Http;

namespace Backend.SelfHost.Http;

/// <summary>
/// Error statuses that ASP.NET Core answers without a body (no matching route, wrong method, a content type
/// the endpoint does not accept) get the error envelope too, so clients always parse the same shape.
/// </summary>
public static class EmptyErrorEnvelope
{
    public static IApplicationBuilder UseEmptyErrorEnvelope(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (code, message) = status switch
            {
                StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "Ressource introuvable."),
                StatusCodes.Status405MethodNotAllowed => ("METHOD_NOT_ALLOWED", "Méthode HTTP non autorisée pour cette ressource."),
                StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, "Le corps de la requête doit être du JSON."),
                StatusCodes.Status401Unauthorized => (ErrorCodes.Unauthorized, "Authentification requise."),
                >= 500 => (ErrorCodes.ServerError, "Erreur serveur interne."),
                _ => (ErrorCodes.InvalidRequest, "Requête invalide."),
            };
            await ApiError.Result(http, status, code, message).ExecuteAsync(http);
        });
}
