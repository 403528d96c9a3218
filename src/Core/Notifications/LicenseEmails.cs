using System.Globalization;

namespace Backend.Core.Notifications;

/// <summary>
/// The e-mails to license holders, in French. A license ends at 23:59:59 UTC of its last day, so the date written is the
/// UTC date: in Paris time it would read as the day after.
/// </summary>
public static class LicenseEmails
{
    public const string TrialStartedKind = "trial_started";
    public const string ExpiringKind = "expiring";
    public const string ActivatedKind = "activated";
    public const string RevokedKind = "revoked";
    public const string WebhookDisabledKind = "webhook_disabled";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static (string Subject, string Body) TrialStarted(string licenseKey, DateTimeOffset expiresAt) => (
        "Votre essai EasyFacture a commencé",
        $"""
        Bonjour,

        Votre période d'essai d'EasyFacture a commencé. Elle prend fin le {Date(expiresAt)}.

        Votre clé de licence :
        {licenseKey}

        Conservez ce message : la clé permet de réinstaller EasyFacture sur cette machine.

        L'équipe EasyFacture
        """);

    /// <param name="daysLeft">7 or 1.</param>
    public static (string Subject, string Body) Expiring(DateTimeOffset expiresAt, int daysLeft, string renewalUrl, string unsubscribeUrl) => (
        daysLeft == 1 ? "Votre licence EasyFacture expire demain" : $"Votre licence EasyFacture expire dans {daysLeft} jours",
        $"""
        Bonjour,

        Votre licence EasyFacture expire {(daysLeft == 1 ? "demain" : $"dans {daysLeft} jours")}, le {Date(expiresAt)}.

        Pour continuer à utiliser EasyFacture sans interruption, renouvelez-la ici :
        {renewalUrl}

        L'équipe EasyFacture

        --
        Vous ne souhaitez plus recevoir ces rappels ? Désinscrivez-vous : {unsubscribeUrl}
        """);

    public static (string Subject, string Body) Activated(string licenseType, DateTimeOffset expiresAt) => (
        "Votre licence EasyFacture est activée",
        $"""
        Bonjour,

        Merci pour votre confiance : votre licence EasyFacture ({TypeName(licenseType)}) est activée.
        {(licenseType == "lifetime" ? "Elle n'expire pas." : $"Elle est valable jusqu'au {Date(expiresAt)}.")}

        L'équipe EasyFacture
        """);

    public static (string Subject, string Body) Revoked(string? reason) => (
        "Votre licence EasyFacture a été révoquée",
        $"""
        Bonjour,

        Votre licence EasyFacture a été révoquée{(string.IsNullOrWhiteSpace(reason) ? "" : $" (motif : {reason})")}.
        Si vous pensez qu'il s'agit d'une erreur, répondez à ce message ou contactez le support.

        L'équipe EasyFacture
        """);

    public static (string Subject, string Body) WebhookDisabled(string url, string lastError) => (
        "Votre webhook EasyFacture a été désactivé",
        $"""
        Bonjour,

        Les envois vers votre webhook {url} échouent depuis plus de 24 heures : nous l'avons désactivé.
        Dernière erreur : {lastError}

        Les événements suivants sont conservés. Une fois le point d'accès réparé, réactivez-le
        (POST …/webhooks/<id>/enable) et relancez les envois manqués depuis le journal des livraisons.

        L'équipe EasyFacture
        """);

    private static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy", French);

    private static string TypeName(string licenseType) => licenseType switch
    {
        "monthly" => "mensuelle",
        "annual" => "annuelle",
        "lifetime" => "à vie",
        _ => licenseType,
    };
}
