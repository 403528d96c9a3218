using System.Text.RegularExpressions;

namespace Backend.Core.Products;

/// <summary>Product codes as stored and signed into license keys: lower-case letters, digits, <c>-</c> and <c>_</c>.</summary>
public static partial class ProductCode
{
    public const int MaxLength = 50;

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9_-]{1,50}$")]
    private static partial Regex Pattern();
}
