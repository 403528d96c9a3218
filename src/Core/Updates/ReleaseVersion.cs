using System.Globalization;

namespace Backend.Core.Updates;

/// <summary>
/// Versions as the desktop app reports them: 1 to 4 dot-separated numbers (<c>1.6.0</c>, <c>2.0.10.3</c>), compared
/// part by part with missing parts as zero, so <c>1.10.0</c> is after <c>1.9.3</c> and <c>1.6</c> equals <c>1.6.0</c>.
/// </summary>
public static class ReleaseVersion
{
    public const int MaxLength = 20;

    public static bool TryParse(string? text, out int[] parts)
    {
        parts = [];
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }
        var pieces = text.Split('.');
        if (pieces.Length > 4)
        {
            return false;
        }
        var parsed = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length is 0 or > 6 || !int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                return false;
            }
        }
        parts = parsed;
        return true;
    }

    /// <summary>Padded to 4 parts, so PostgreSQL's array order (element by element) is version order.</summary>
    public static int[] Padded(int[] parts) => [.. parts, .. Enumerable.Repeat(0, 4 - parts.Length)];

    public static int Compare(int[] left, int[] right)
    {
        var (a, b) = (Padded(left), Padded(right));
        for (var i = 0; i < 4; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return 0;
    }
}
