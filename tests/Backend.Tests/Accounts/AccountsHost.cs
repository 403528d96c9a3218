using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Tests.Licensing;

namespace Backend.Tests.Accounts;

/// <summary>SelfHost on its own database and manual clock (see <see cref="LicensingHost"/>), with helpers for people's accounts.</summary>
public class AccountsHost : LicensingHost
{
    public const string Password = "une phrase de passe bien longue";

    public AccountsHost()
    {
    }

    protected AccountsHost(params (string Key, string Value)[] settings) : base(settings)
    {
    }

    public static string NewEmail(string prefix = "personne") => $"{prefix}-{Guid.NewGuid():N}@exemple.fr";

    /// <summary>Creates an account with the admin API key; without <paramref name="password"/> the answer holds a setup token.</summary>
    public async Task<JsonElement> CreateAccountAsync(string email, string role = "admin", Guid? tenantId = null, string? password = Password)
    {
        var response = await AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts",
            new { email, role, tenant_id = tenantId, display_name = "Marie Curie", password });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> LoginAsync(string email, string password = Password, string? clientAddress = null)
    {
        var response = await PostAsync("/api/v1/auth/login", new { email, password }, clientAddress);
        return (response.StatusCode, await Json.ReadAsync(response), response);
    }

    /// <summary>Signs in and returns (access token, refresh token).</summary>
    public async Task<(string Access, string Refresh)> SignInAsync(string email, string password = Password)
    {
        var (status, body, _) = await LoginAsync(email, password);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return (body.Str("access_token"), body.Str("refresh_token"));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken)
    {
        var response = await PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        return (response.StatusCode, await Json.ReadAsync(response));
    }

    public Task<HttpResponseMessage> WithTokenAsync(HttpMethod method, string path, string accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("X-Forwarded-For", NewClientAddress());
        return Client.SendAsync(request);
    }

    public async Task<(Guid TenantId, string ApiKey)> CreateTenantAsync(string name)
    {
        var response = await AdminAsync(HttpMethod.Post, "/api/v1/admin/tenants", new { name });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (Guid.Parse(body.Str("tenant_id")), body.Str("api_key"));
    }

    /// <summary>The error envelope without what differs between any two answers (<c>request_id</c>, <c>timestamp</c>).</summary>
    public static string Comparable(JsonElement body) =>
        JsonSerializer.Serialize(body.EnumerateObject().Where(p => p.Name is not ("request_id" or "timestamp")).ToDictionary(p => p.Name, p => p.Value));
}
