using System.Net;
using System.Text;
using System.Text.Json;
using Backend.Tests.Licensing;
using Dapper;

namespace Backend.Tests.Accounts;

public sealed class SignInTests(AccountsHost host) : IClassFixture<AccountsHost>
{
    [Fact]
    public async Task Login_answers_the_contract_sets_a_strict_cookie_and_the_token_opens_the_admin_api()
    {
        var email = AccountsHost.NewEmail();
        var created = await host.CreateAccountAsync(email);

        var (status, body, response) = await host.LoginAsync(email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.Str("token_type"));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("efr_", body.Str("refresh_token"));
        var account = body.GetProperty("account");
        Assert.Equal(created.GetProperty("account").Str("id"), account.Str("id"));
        Assert.Equal(email, account.Str("email"));
        Assert.Equal("Marie Curie", account.Str("display_name"));
        Assert.Equal("admin", account.Str("role"));
        Assert.Equal(JsonValueKind.Null, account.GetProperty("tenant_id").ValueKind);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ef_refresh=" + body.Str("refresh_token"), cookie);
        foreach (var attribute in new[] { "httponly", "secure", "samesite=strict", "path=/api/v1/auth" })
        {
            Assert.Contains(attribute, cookie.ToLowerInvariant());
        }

        var (header, payload) = Decode(body.Str("access_token"));
        Assert.Equal("HS256", header.Str("alg"));
        Assert.Equal("local1", header.Str("kid"));
        Assert.Equal(account.Str("id"), payload.Str("sub"));
        Assert.Equal("admin", payload.Str("role"));
        Assert.False(payload.TryGetProperty("tenant", out _));
        Assert.False(string.IsNullOrEmpty(payload.Str("jti")));
        Assert.Equal(3600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());

        var stats = await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", body.Str("access_token"));
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_revokes_its_whole_family()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var (access1, refresh1) = await host.SignInAsync(email);

        var (status2, second) = await host.RefreshAsync(refresh1);
        Assert.Equal(HttpStatusCode.OK, status2);
        var refresh2 = second.Str("refresh_token");
        Assert.NotEqual(refresh1, refresh2);
        var (status3, third) = await host.RefreshAsync(refresh2);
        Assert.Equal(HttpStatusCode.OK, status3);
        var access3 = third.Str("access_token");
        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access3)).StatusCode);

        // refresh1 was consumed: presenting it again is a theft signal.
        var (reuseStatus, reuse) = await host.RefreshAsync(refresh1);
        Assert.Equal(HttpStatusCode.Unauthorized, reuseStatus);
        reuse.AssertError("INVALID_REFRESH_TOKEN");

        // The whole family is gone: the live refresh token and every access token of this sign-in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.RefreshAsync(third.Str("refresh_token"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access3)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access1)).StatusCode);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        Assert.Equal("refresh_token_reused", await connection.ExecuteScalarAsync<string>(
            "SELECT f.revoked_reason FROM session_families f JOIN accounts a ON a.id = f.account_id WHERE a.email = @email", new { email }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM audit_events WHERE action = 'session.refresh_token_reused' AND actor = @email", new { email }));

        // Another sign-in of the same person is untouched.
        var (fresh, _) = await host.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", fresh)).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_family_by_body_or_by_cookie()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var (access, refresh) = await host.SignInAsync(email);

        var logout = await host.PostAsync("/api/v1/auth/logout", new { refresh_token = refresh });
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("ef_refresh=;", Assert.Single(logout.Headers.GetValues("Set-Cookie")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.RefreshAsync(refresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access)).StatusCode);
        // Idempotent.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/v1/auth/logout", new { refresh_token = refresh })).StatusCode);

        var (_, cookieRefresh) = await host.SignInAsync(email);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh");
        request.Headers.Add("Cookie", "ef_refresh=" + cookieRefresh);
        var refreshed = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = (await Json.ReadAsync(refreshed)).Str("refresh_token");
        var cookieLogout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        cookieLogout.Headers.Add("Cookie", "ef_refresh=" + next);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(cookieLogout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.RefreshAsync(next)).Status);
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_disabled_account_get_the_same_answer()
    {
        var email = AccountsHost.NewEmail();
        var created = await host.CreateAccountAsync(email);
        var disabledEmail = AccountsHost.NewEmail();
        var disabled = await host.CreateAccountAsync(disabledEmail);
        var disable = await host.AdminAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{disabled.GetProperty("account").Str("id")}/disable");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var wrong = await host.LoginAsync(email, "pas le bon mot de passe du tout");
        var unknown = await host.LoginAsync(AccountsHost.NewEmail(), "pas le bon mot de passe du tout");
        var disabledAnswer = await host.LoginAsync(disabledEmail);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        wrong.Body.AssertError("INVALID_CREDENTIALS");
        Assert.Equal(AccountsHost.Comparable(wrong.Body), AccountsHost.Comparable(unknown.Body));
        Assert.Equal(AccountsHost.Comparable(wrong.Body), AccountsHost.Comparable(disabledAnswer.Body));
        Assert.Equal((wrong.Status, unknown.Status), (disabledAnswer.Status, disabledAnswer.Status));
        string Headers(HttpResponseMessage r) => string.Join("|", r.Headers.Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key)
            .Select(h => h.Key + ":" + string.Join(",", h.Value)));
        Assert.Equal(Headers(wrong.Response), Headers(unknown.Response));
        Assert.Equal(created.GetProperty("account").Str("email"), email);
    }

    [Fact]
    public async Task Access_tokens_expire_after_an_hour_and_refresh_tokens_after_seven_days()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var (access, refresh) = await host.SignInAsync(email);

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access)).StatusCode);
        host.Clock.Advance(TimeSpan.FromMinutes(2)); // past exp + the 30 s skew
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access)).StatusCode);

        var (status, renewed) = await host.RefreshAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", renewed.Str("access_token"))).StatusCode);

        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var (expiredStatus, expired) = await host.RefreshAsync(renewed.Str("refresh_token"));
        Assert.Equal(HttpStatusCode.Unauthorized, expiredStatus);
        expired.AssertError("INVALID_REFRESH_TOKEN");
    }

    [Fact]
    public async Task The_admin_api_still_takes_the_api_key_and_refuses_garbage_bearers()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/accounts", bearer: true)).StatusCode);
        foreach (var garbage in new[] { "a.b.c", "eyJ.eyJ.sig", new string('.', 2) + new string('x', 5000), "efr_" + new string('A', 43) })
        {
            var response = await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/accounts", garbage);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            (await Json.ReadAsync(response)).AssertError("UNAUTHORIZED");
        }
    }

    internal static (JsonElement Header, JsonElement Payload) Decode(string token)
    {
        var parts = token.Split('.');
        return (Part(parts[0]), Part(parts[1]));
        static JsonElement Part(string part) => JsonDocument.Parse(Encoding.UTF8.GetString(Base64Url(part))).RootElement.Clone();
    }

    internal static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    internal static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
