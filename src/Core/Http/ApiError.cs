using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Http;

/// <summary>
/// The one error envelope every endpoint answers with:
/// <c>{success:false, error, message, details, timestamp, request_id}</c>, plus any extra members
/// an error needs (<c>retry_after</c>, <c>existing_license</c>).
/// </summary>
public sealed class ApiError
{
    [JsonPropertyName("success")] public bool Success => false;
    [JsonPropertyName("error")] public required string Error { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
    private static readonly IReadOnlyDictionary<string, string> NoDetails = new Dictionary<string, string>();

    /// <summary>Always an object, <c>{}</c> when there is nothing to add, so clients never test for its presence.</summary>
    [JsonPropertyName("details")] public IReadOnlyDictionary<string, string> Details { get; init; } = NoDetails;

    /// <summary>An event time: milliseconds, UTC, <c>Z</c>.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(UtcMillisecondsJsonConverter))]
    public required DateTimeOffset Timestamp { get; init; }
    [JsonPropertyName("request_id")] public required string RequestId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, object?>? Extra { get; init; }

    public static IResult Result(
        HttpContext context,
        int statusCode,
        string error,
        string message,
        IReadOnlyDictionary<string, string>? details = null,
        Dictionary<string, object?>? extra = null)
    {
        var time = context.RequestServices.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var body = new ApiError
        {
            Error = error,
            Message = message,
            Details = details ?? NoDetails,
            Timestamp = time.GetUtcNow(),
            RequestId = Http.RequestId.Get(context),
            Extra = extra,
        };
        return Results.Json(body, JsonDefaults.SnakeCase, statusCode: statusCode);
    }
}
