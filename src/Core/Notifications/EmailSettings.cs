using Backend.Core.Configuration;

namespace Backend.Core.Notifications;

/// <summary>
/// The SMTP server that takes the outbox's e-mails: any SMTP server, an SMTP relay, or Azure Communication Services
/// Email through its SMTP endpoint (<c>smtp.azurecomm.net</c>, 587, STARTTLS). Empty host: e-mails wait in the outbox.
/// </summary>
public sealed class EmailSettings : ISettings
{
    public static string SectionName => "Email";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary><c>starttls</c> (required), <c>ssl</c> (TLS from the first byte, port 465), <c>auto</c>, or <c>none</c> (a local relay).</summary>
    public string TlsMode { get; set; } = "starttls";

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "EasyFacture <no-reply@easyfacture.com>";

    /// <summary>Where the unsubscribe links of reminders point: the public address of the license API.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    public int TimeoutSeconds { get; set; } = 30;

    public static IReadOnlyList<string> TlsModes { get; } = ["starttls", "ssl", "auto", "none"];

    public IEnumerable<string> Validate()
    {
        string Name(string key) => SettingName.Of(SectionName, key);
        if (SmtpPort is < 1 or > 65535)
        {
            yield return $"Setting '{Name(nameof(SmtpPort))}' must be a TCP port (1-65535).";
        }
        if (!TlsModes.Contains(TlsMode, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Setting '{Name(nameof(TlsMode))}' must be one of {string.Join(", ", TlsModes)}.";
        }
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return $"Setting '{Name(nameof(From))}' must be an e-mail address, optionally with a display name.";
        }
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"Setting '{Name(nameof(PublicBaseUrl))}' must be an absolute http(s) URL.";
        }
        // A password without a user name is ignored (no authentication): Bicep always passes the Key Vault reference.
        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
        {
            yield return $"Setting '{Name(nameof(Password))}' is missing: '{Name(nameof(Username))}' is set, so the SMTP server is signed in to.";
        }
        if (TimeoutSeconds is < 1 or > 300)
        {
            yield return $"Setting '{Name(nameof(TimeoutSeconds))}' must be between 1 and 300.";
        }
    }
}
