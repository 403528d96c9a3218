using System.Text.RegularExpressions;

namespace Backend.Core.Licensing;

/// <summary>
/// The practical subset of RFC 5322 addresses: dot-atom local part, a DNS domain with a letter TLD,
/// 254 characters at most. No quoted local parts, comments or IP literals: real customers never use them.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && value.IndexOf('@') is > 0 and <= 64 and var at
        && value.LastIndexOf('@') == at
        && Pattern().IsMatch(value);

    public static string Normalize(string value) => value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
