using System.Text.Json;

namespace Backend.Tests.Licensing;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} with a body that is not JSON: {text}");
        }
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>Asserts the error envelope and its code.</summary>
    public static void AssertError(this JsonElement body, string code)
    {
        Assert.False(body.GetProperty("success").GetBoolean(), body.ToString());
        Assert.Equal(code, body.Str("error"));
        Assert.False(string.IsNullOrWhiteSpace(body.Str("message")));
        Assert.True(DateTimeOffset.TryParse(body.Str("timestamp"), out _));
        Assert.False(string.IsNullOrWhiteSpace(body.Str("request_id")));
    }
}
