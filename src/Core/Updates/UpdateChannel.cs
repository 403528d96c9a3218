using System.Text.RegularExpressions;

namespace Backend.Core.Updates;

/// <summary>Release channels (<c>stable</c>, <c>beta</c>...): lower-case letters, digits and <c>-</c>.</summary>
public static partial class UpdateChannel
{
    public static bool IsValid(string? channel) => channel is not null && Pattern().IsMatch(channel);

    [GeneratedRegex("^[a-z0-9-]{1,20}$")]
    private static partial Regex Pattern();
}
