using System.Net;
using Backend.Tests.Licensing;
using Dapper;

namespace Backend.Tests.Accounts;

public sealed class AccountAdminTests(AccountsHost host) : IClassFixture<AccountsHost>
{
    private async Task<HttpStatusCode> SetUpAsync(string token, string password, Action<System.Text.Json.JsonElement>? inspect = null)
    {
        var response = await host.PostAsync("/api/v1/auth/password/setup", new { token, password });
        inspect?.Invoke(await Json.ReadAsync(response));
        return response.StatusCode;
    }

    [Fact]
    public async Task An_account_created_without_a_password_gets_a_single_use_setup_token_valid_24_hours()
    {
        var email = AccountsHost.NewEmail();
        var created = await host.CreateAccountAsync(email, password: null);
        var token = created.Str("password_setup_token");
        Assert.StartsWith("efs_", token);
        var expiresAt = DateTimeOffset.Parse(created.Str("password_setup_expires_at"));
        Assert.InRange(expiresAt - host.Clock.GetUtcNow(), TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        Assert.False(created.GetProperty("account").GetProperty("has_password").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(email)).Status);

        // A refused password leaves the token usable.
        Assert.Equal(HttpStatusCode.BadRequest, await SetUpAsync(token, "motdepasse123", b => Assert.True(b.GetProperty("details").TryGetProperty("password", out _))));
        Assert.Equal(HttpStatusCode.BadRequest, await SetUpAsync(token, "court"));
        Assert.Equal(HttpStatusCode.OK, await SetUpAsync(token, AccountsHost.Password));
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, await SetUpAsync(token, "une autre phrase de passe", b => b.AssertError("INVALID_SETUP_TOKEN")));

        var late = await host.CreateAccountAsync(AccountsHost.NewEmail(), password: null);
        host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.BadRequest, await SetUpAsync(late.Str("password_setup_token"), AccountsHost.Password, b => b.AssertError("INVALID_SETUP_TOKEN")));
    }

    [Fact]
    public async Task Emails_are_unique_case_insensitively_and_bad_input_is_named()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);

        var duplicate = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts", new { email = email.ToUpperInvariant(), role = "admin", display_name = "X", password = AccountsHost.Password });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        (await Json.ReadAsync(duplicate)).AssertError("ACCOUNT_EXISTS");

        var bad = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts", new { email = "pas-un-email", role = "root", display_name = "", password = "123456789012" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await Json.ReadAsync(bad)).GetProperty("details");
        foreach (var field in new[] { "email", "role", "display_name" })
        {
            Assert.True(details.TryGetProperty(field, out _), details.ToString());
        }
        var noTenant = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts", new { email = AccountsHost.NewEmail(), role = "tenant_user", display_name = "X" });
        Assert.True((await Json.ReadAsync(noTenant)).GetProperty("details").TryGetProperty("tenant_id", out _));
        var unknownTenant = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts", new { email = AccountsHost.NewEmail(), role = "tenant_user", tenant_id = Guid.NewGuid(), display_name = "X" });
        Assert.Equal("locataire inconnu", (await Json.ReadAsync(unknownTenant)).GetProperty("details").Str("tenant_id"));
        var weak = await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts", new { email = AccountsHost.NewEmail(), role = "admin", display_name = "X", password = "passwordpassword" });
        Assert.True((await Json.ReadAsync(weak)).GetProperty("details").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Disabling_ends_every_session_at_once_and_enabling_lets_the_person_back_in()
    {
        var email = AccountsHost.NewEmail();
        var id = (await host.CreateAccountAsync(email)).GetProperty("account").Str("id");
        var (access, refresh) = await host.SignInAsync(email);
        var admin = AccountsHost.NewEmail("chef");
        await host.CreateAccountAsync(admin);
        var (adminToken, _) = await host.SignInAsync(admin);

        var disabled = await host.WithTokenAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/disable", adminToken);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await Json.ReadAsync(disabled)).GetProperty("account").GetProperty("disabled_at").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.RefreshAsync(refresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(email)).Status);

        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/enable", adminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email)).Status);

        var self = (await Json.ReadAsync(await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/accounts?email={Uri.EscapeDataString(admin)}")))
            .GetProperty("accounts")[0].Str("id");
        Assert.Equal(HttpStatusCode.BadRequest, (await host.WithTokenAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{self}/disable", adminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.AdminAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{Guid.NewGuid()}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/accounts/pas-un-id/enable")).StatusCode);

        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var actions = (await connection.QueryAsync<(string Action, string Actor, string Kind)>(
            "SELECT action, actor, actor_kind FROM audit_events WHERE subject = @id AND action LIKE 'account.%abled' ORDER BY id", new { id })).ToList();
        Assert.Equal([("account.disabled", admin, "account"), ("account.enabled", admin, "account")], actions);
    }

    [Fact]
    public async Task A_reset_clears_the_password_ends_sessions_and_hands_out_a_new_setup_token()
    {
        var email = AccountsHost.NewEmail();
        var id = (await host.CreateAccountAsync(email)).GetProperty("account").Str("id");
        var (access, _) = await host.SignInAsync(email);

        var reset = await host.AdminAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/password-reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var token = (await Json.ReadAsync(reset)).Str("password_setup_token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(email)).Status);

        Assert.Equal(HttpStatusCode.OK, await SetUpAsync(token, "une toute nouvelle phrase secrète"));
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email, "une toute nouvelle phrase secrète")).Status);
    }

    [Fact]
    public async Task Changing_ones_password_keeps_this_session_and_ends_the_others()
    {
        var email = AccountsHost.NewEmail();
        await host.CreateAccountAsync(email);
        var (here, hereRefresh) = await host.SignInAsync(email);
        var (elsewhere, elsewhereRefresh) = await host.SignInAsync(email);

        var wrong = await host.WithTokenAsync(HttpMethod.Post, "/api/v1/auth/password/change", here,
            new { current_password = "pas le bon mot de passe", new_password = "une toute nouvelle phrase secrète" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var changed = await host.WithTokenAsync(HttpMethod.Post, "/api/v1/auth/password/change", here,
            new { current_password = AccountsHost.Password, new_password = "une toute nouvelle phrase secrète" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", here)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.RefreshAsync(hereRefresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/v1/admin/stats", elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.RefreshAsync(elsewhereRefresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.LoginAsync(email)).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(email, "une toute nouvelle phrase secrète")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync("/api/v1/auth/password/change", new { current_password = "x", new_password = "y" })).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_role_tenant_and_email_and_never_shows_hashes()
    {
        var (tenant, _) = await host.CreateTenantAsync("Cabinet Liste");
        var email = AccountsHost.NewEmail("liste");
        await host.CreateAccountAsync(email, "tenant_user", tenant);

        var response = await host.AdminAsync(HttpMethod.Get, $"/api/v1/admin/accounts?role=tenant_user&tenant_id={tenant}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(1, body.GetProperty("total").GetInt64());
        Assert.Equal(email, body.GetProperty("accounts")[0].Str("email"));
        Assert.DoesNotContain("argon2", text);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.AdminAsync(HttpMethod.Get, "/api/v1/admin/accounts?page=0&colour=blue")).StatusCode);
    }
}
