using System.Globalization;

namespace Backend.Core.Accounting;

internal static class Money
{
    /// <summary>To the cent, halves away from zero, as French invoices and accountants round.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>"1234.50" with a dot, for messages, JSON and logs.</summary>
    public static string Format(decimal value) => Round(value).ToString("0.00", CultureInfo.InvariantCulture);
}
