using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Backend.Tests.Licensing;

namespace Backend.Tests.Accounts;

/// <summary>
/// Tokens made by hand with the host's real key are accepted (so the forging below is faithful), and every departure
/// from a genuine token is refused: bad signature, <c>alg: none</c>, another algorithm, a changed payload, a foreign key,
/// an expired token, a role the account does not have.
/// </summary>
public sealed class TokenForgeryTests(AccountsHost host) : IClassFixture<AccountsHost>
{
    private const string AdminRoute = "/api/v1/admin/stats";

    private async Task<(string Token, JsonObject Header, JsonObject Payload)> GenuineAsync()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var (access, _) = await host.SignInAsync(email);
        var parts = access.Split('.');
        return (access, Parse(parts[0]), Parse(parts[1]));
        static JsonObject Parse(string part) => JsonNode.Parse(SignInTests.Base64Url(part))!.AsObject();
    }

    private static string Sign(JsonObject header, JsonObject payload, byte[]? key, string algorithm = "HS256")
    {
        var signingInput = SignInTests.ToBase64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + SignInTests.ToBase64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        if (key is null)
        {
            return signingInput + ".";
        }
        var signature = algorithm == "HS512" ? HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(signingInput)) : HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + SignInTests.ToBase64Url(signature);
    }

    private byte[] RealKey => Convert.FromBase64String(host.Factory.AccessTokenKey);

    private async Task<HttpStatusCode> AdminStatusAsync(string token) => (await host.WithTokenAsync(HttpMethod.Get, AdminRoute, token)).StatusCode;

    [Fact]
    public async Task A_hand_made_token_with_the_real_key_is_accepted_so_the_forgeries_below_are_faithful()
    {
        var (_, header, payload) = await GenuineAsync();
        payload["jti"] = Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(Sign(header, payload, RealKey)));
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        var (token, _, _) = await GenuineAsync();
        var last = token[^2] == 'A' ? 'B' : 'A';

        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(token[..^2] + last + token[^1]));
        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(token[..token.LastIndexOf('.')] + "."));
    }

    [Fact]
    public async Task Alg_none_and_other_algorithms_are_refused()
    {
        var (_, header, payload) = await GenuineAsync();

        header["alg"] = "none";
        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(Sign(header, payload, key: null)));
        header["alg"] = "HS512";
        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(Sign(header, payload, RealKey, "HS512")));
    }

    [Fact]
    public async Task A_changed_payload_is_refused()
    {
        var (token, _, payload) = await GenuineAsync();
        var parts = token.Split('.');
        var other = (await GenuineAsync()).Payload;

        payload["sub"] = other["sub"]!.GetValue<string>();
        var changed = parts[0] + "." + SignInTests.ToBase64Url(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(changed));
    }

    [Fact]
    public async Task A_token_signed_with_a_foreign_key_under_a_known_key_id_is_refused()
    {
        var (_, header, payload) = await GenuineAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(Sign(header, payload, RandomNumberGenerator.GetBytes(32))));
        header["kid"] = "unknown";
        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(Sign(header, payload, RealKey)));
    }

    [Fact]
    public async Task An_expired_token_is_refused_even_when_genuinely_signed()
    {
        var (_, header, payload) = await GenuineAsync();
        var now = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        payload["iat"] = now - 7200;
        payload["nbf"] = now - 7200;
        payload["exp"] = now - 60;

        Assert.Equal(HttpStatusCode.Unauthorized, await AdminStatusAsync(Sign(header, payload, RealKey)));
    }

    [Fact]
    public async Task A_genuinely_signed_token_claiming_a_role_the_account_lacks_is_refused()
    {
        var (_, header, payload) = await GenuineAsync();
        payload["role"] = "tenant_user";
        payload["tenant"] = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/invoices", Sign(header, payload, RealKey))).StatusCode);
    }

    [Fact]
    public async Task After_a_key_rotation_tokens_of_the_retired_key_still_validate_and_new_ones_use_the_new_key()
    {
        var (token, _, _) = await GenuineAsync();
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var rotated = host.CreateFactory(s =>
        {
            s["AccessTokens:ActiveKeyId"] = "test2";
            s["AccessTokens:Keys:test2"] = newKey;
        });
        var client = rotated.CreateClient();

        var request = new HttpRequestMessage(HttpMethod.Get, AdminRoute);
        request.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var login = await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email, password = AccountsHost.Password }));
        var access = (await Json.ReadAsync(login)).Str("access_token");
        Assert.Equal("test2", SignInTests.Decode(access).Header.Str("kid"));
    }
}
