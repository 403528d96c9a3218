using System.Net;
using System.Text.Json;

namespace Backend.Tests.Reliability;

/// <summary>What every refused request must look like: the error envelope, no stack trace, no exception name.</summary>
public static class ErrorEnvelope
{
    private static readonly string[] Leaks = ["   at ", "Exception", "Npgsql", "System.", "stack", ".cs:line"];

    /// <summary>Returns a description of what is wrong with the response, or null when it is a proper envelope.</summary>
    public static string? Problem(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code < 400)
        {
            return null;
        }
        if (code >= 500)
        {
            return $"server error {code}: {Cut(body)}";
        }
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return $"{code} without a JSON body: {Cut(body)}";
        }
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("success", out var success) || success.ValueKind != JsonValueKind.False
            || !json.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String || error.GetString()!.Length == 0
            || !json.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String
            || !json.TryGetProperty("request_id", out var requestId) || requestId.ValueKind != JsonValueKind.String
            || !json.TryGetProperty("timestamp", out _))
        {
            return $"{code} without the error envelope: {Cut(body)}";
        }
        foreach (var leak in Leaks)
        {
            if (body.Contains(leak, StringComparison.Ordinal))
            {
                return $"{code} body leaks '{leak}': {Cut(body)}";
            }
        }
        return null;
    }

    public static void Assert(HttpStatusCode status, string body)
    {
        var problem = Problem(status, body);
        Xunit.Assert.True(problem is null, problem);
    }

    private static string Cut(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
