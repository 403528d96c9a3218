using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Core.Http;

/// <summary>
/// Writes an instant as the seeds do: UTC ISO 8601 with <c>Z</c>, at one precision per kind of time, so clients
/// parse one shape (<c>2026-01-30T23:59:59Z</c> for license dates, <c>2026-01-30T10:15:02.123Z</c> for event times).
/// Reading accepts any ISO 8601 offset.
/// </summary>
public abstract class UtcTimeJsonConverter(string format) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value, format));

    public static string Format(DateTimeOffset value, string format) =>
        value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}
