namespace Backend.Core.Notifications;

public static class EmailRoutes
{
    /// <summary>The unsubscribe link of reminder e-mails: <c>?token=</c>, GET (the link) or POST (one-click, RFC 8058).</summary>
    public const string Unsubscribe = "v1/email/unsubscribe";
}
