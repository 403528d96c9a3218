using System.Security.Cryptography;

namespace Backend.Core.Webhooks;

/// <summary>An endpoint's signing secret as the Standard Webhooks specification writes it: <c>whsec_</c> + base64 of 32 random bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
