using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Core.Http;

public static class JsonDefaults
{
    /// <summary>The license API speaks snake_case, as the seed specifies.</summary>
    public static JsonSerializerOptions SnakeCase { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        // License dates are whole seconds with Z, as in the seed (2026-01-30T23:59:59Z); event times opt into milliseconds.
        Converters = { new UtcSecondsJsonConverter() },
    };

    /// <summary>The invoice API speaks camelCase, as the seed specifies.</summary>
    public static JsonSerializerOptions CamelCase { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
        // Event times with milliseconds and Z, as in the seed (2025-11-17T20:30:00.000Z).
        Converters = { new UtcMillisecondsJsonConverter() },
    };
}
