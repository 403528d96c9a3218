using System.Globalization;

namespace Backend.Core.Http;

/// <summary>A whole-number query parameter within bounds; an empty one takes the fallback.</summary>
public static class QueryInt
{
    public static bool TryRead(string value, int fallback, int min, int max, out int result)
    {
        if (value.Length == 0)
        {
            result = fallback;
            return true;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
    }
}
