using System.Text.Json;
using System.Text.RegularExpressions;

namespace Backend.Tests.Foundation;

/// <summary>
/// The seeds' time formats: license dates in whole seconds (<c>2026-01-30T23:59:59Z</c>), event times in milliseconds
/// (<c>2025-11-17T20:30:00.000Z</c>), always UTC with <c>Z</c>. Walks a response and checks every member holding a time.
/// </summary>
public static partial class TimeFormats
{
    public static readonly Regex Seconds = SecondsRegex();
    public static readonly Regex Milliseconds = MillisecondsRegex();

    /// <summary>Anything that starts like an ISO 8601 date-time, so a time in another format cannot slip past unnoticed.</summary>
    private static readonly Regex LooksLikeTime = LooksLikeTimeRegex();

    /// <summary>
    /// Checks every string member of <paramref name="json"/> that holds a date-time (whatever its name) against the
    /// format <paramref name="expected"/> gives for its member name; returns how many it checked.
    /// </summary>
    public static int AssertAll(JsonElement json, Func<string, Regex> expected, string path = "$")
    {
        var count = 0;
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && LooksLikeTime.IsMatch(property.Value.GetString()!))
                    {
                        var format = expected(property.Name);
                        Assert.True(format.IsMatch(property.Value.GetString()!),
                            $"{path}.{property.Name} = {property.Value.GetString()} does not match {format}");
                        count++;
                    }
                    else
                    {
                        count += AssertAll(property.Value, expected, $"{path}.{property.Name}");
                    }
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    count += AssertAll(item, expected, $"{path}[{i++}]");
                }
                break;
        }
        return count;
    }

    /// <summary>License API: every time is a license date (seconds) but the error envelope's event <c>timestamp</c>.</summary>
    public static Regex LicenseApi(string member) => member == "timestamp" ? Milliseconds : Seconds;

    /// <summary>Invoice API: every time is an event time or a date written as midnight UTC, both in milliseconds.</summary>
    public static Regex InvoiceApi(string member) => Milliseconds;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex SecondsRegex();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex MillisecondsRegex();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T")]
    private static partial Regex LooksLikeTimeRegex();
}
