namespace Backend.Core.Accounting;

/// <summary>PCG account numbers as Sage stores them: digits only, right-padded with zeros to a fixed length.</summary>
public static class AccountNumber
{
    /// <returns>The account padded to <paramref name="length"/>, or null when it is not a PCG account that fits.</returns>
    public static string? Normalize(string? account, int length)
    {
        var trimmed = account?.Trim() ?? "";
        if (trimmed.Length < 3 || !trimmed.All(char.IsAsciiDigit) || !IsPcgClass(trimmed[0]))
        {
            return null;
        }
        // "601000000" booked in an 8-digit chart is still 601: only zeros may be dropped.
        if (trimmed.Length > length)
        {
            if (trimmed[length..].Any(c => c != '0'))
            {
                return null;
            }
            trimmed = trimmed[..length];
        }
        return trimmed.PadRight(length, '0');
    }

    /// <summary>True when <paramref name="account"/> is already a normalized account of <paramref name="length"/> digits.</summary>
    public static bool IsValid(string? account, int length) =>
        account is not null && account.Length == length && Normalize(account, length) == account;

    // Classes 1–7 are the balance sheet and income statement; 8 and 9 are special or analytical, never in a purchase entry.
    private static bool IsPcgClass(char first) => first is >= '1' and <= '7';
}
