using System.Net;
using Backend.Core.Events;
using Backend.Core.Webhooks;
using Backend.Tests.Licensing;

namespace Backend.Tests.Events;

/// <summary>The registration API refuses internal URLs with INVALID_WEBHOOK_URL when private networks are not allowed.</summary>
public sealed class WebhookSsrfRegistrationTests : IClassFixture<LicensingHost>
{
    private readonly LicensingHost _host;

    public WebhookSsrfRegistrationTests(LicensingHost host) => _host = host;

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/iam/")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost:5432/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://[::ffff:192.168.0.1]/")]
    [InlineData("http://example.com/hook")]
    public async Task Internal_or_plain_http_urls_are_refused(string url)
    {
        var response = await _host.AdminAsync(HttpMethod.Post, "/api/" + WebhookRoutes.Admin, new { url, events = new[] { EventTypes.LicenseActivated } });
        var body = await Json.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(WebhookErrorCodes.InvalidWebhookUrl, body.GetProperty("error").GetString());
        Assert.True(body.GetProperty("details").TryGetProperty("url", out _));
    }
}
