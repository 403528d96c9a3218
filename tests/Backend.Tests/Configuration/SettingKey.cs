namespace Backend.Tests.Configuration;

/// <summary>
/// A configuration key as written in app settings and environment variables: segments joined by <c>__</c>
/// (<c>Database__ConnectionString</c>). A segment <c>*</c> stands for an array index or a dictionary key:
/// <c>Licensing__SigningKeys__*__KeyId</c> is matched by <c>Licensing__SigningKeys__0__KeyId</c>.
/// Comparison is case-insensitive, as configuration is.
/// </summary>
public sealed class SettingKey(string name)
{
    public const string Separator = "__";
    public const string AnySegment = "*";

    public string Name { get; } = name;

    public string[] Segments { get; } = name.Split(Separator);

    public string Section => Segments[0];

    public bool IsPattern => Segments.Contains(AnySegment);

    public bool Matches(string concrete)
    {
        var segments = concrete.Split(Separator);
        if (segments.Length != Segments.Length)
        {
            return false;
        }
        for (var i = 0; i < segments.Length; i++)
        {
            if (Segments[i] != AnySegment && !string.Equals(Segments[i], segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => Name;
}
