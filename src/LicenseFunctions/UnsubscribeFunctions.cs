using Backend.Core.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>The unsubscribe link of reminder e-mails: the link itself (GET) and one-click unsubscribing (POST, RFC 8058).</summary>
public sealed class UnsubscribeFunctions(UnsubscribeHandler handler)
{
    [Function("UnsubscribeReminders")]
    public Task<IResult> Link([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = EmailRoutes.Unsubscribe)] HttpRequest request) =>
        handler.HandleAsync(request.HttpContext);

    [Function("UnsubscribeRemindersOneClick")]
    public Task<IResult> OneClick([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = EmailRoutes.Unsubscribe)] HttpRequest request) =>
        handler.HandleAsync(request.HttpContext);
}
