using System.Text.RegularExpressions;

namespace Backend.Core.Partners;

/// <summary>Resellers' names, recorded on their codes and in the audit trail: lower-case letters, digits, '.', '-', '_'.</summary>
public static partial class PartnerName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,99}$")]
    private static partial Regex Pattern();
}
