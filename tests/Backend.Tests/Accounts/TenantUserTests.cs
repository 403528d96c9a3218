using System.Net;
using System.Net.Http.Headers;
using Backend.Tests.Licensing;
using Dapper;

namespace Backend.Tests.Accounts;

/// <summary>Tenant users' tokens open the invoice and accounting API of their own tenant, and nothing else.</summary>
public sealed class TenantUserTests(AccountsHost host) : IClassFixture<AccountsHost>
{
    private async Task<Guid> UploadAsync(string tenantApiKey)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "facture.png");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = content };
        request.Headers.Add("X-Api-Key", tenantApiKey);
        var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("invoiceId").GetGuid();
    }

    [Fact]
    public async Task A_tenant_user_sees_its_tenants_invoices_and_gets_404_on_another_tenants()
    {
        var (tenantA, _) = await host.CreateTenantAsync("Cabinet A");
        var (_, keyB) = await host.CreateTenantAsync("Cabinet B");
        var userA = AccountsHost.NewEmail("a");
        var created = await host.CreateAccountAsync(userA, "tenant_user", tenantA);
        Assert.Equal(tenantA.ToString(), created.GetProperty("account").Str("tenant_id"));
        var invoiceB = await UploadAsync(keyB);
        var (access, _) = await host.SignInAsync(userA);
        var payload = SignInTests.Decode(access).Payload;
        Assert.Equal(("tenant_user", tenantA.ToString()), (payload.Str("role"), payload.Str("tenant")));

        var foreign = await host.WithTokenAsync(HttpMethod.Get, $"/api/invoices/{invoiceB}", access);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var list = await host.WithTokenAsync(HttpMethod.Get, "/api/invoices", access);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(invoiceB.ToString(), await list.Content.ReadAsStringAsync());

        // The same invoice is there for tenant B's key, so the 404 is the tenant scope and not a missing row.
        var own = new HttpRequestMessage(HttpMethod.Get, $"/api/invoices/{invoiceB}");
        own.Headers.Add("X-Api-Key", keyB);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task A_tenant_users_token_is_refused_by_every_admin_route_and_an_admins_token_by_the_invoice_api()
    {
        var (tenant, _) = await host.CreateTenantAsync("Cabinet C");
        var user = AccountsHost.NewEmail("c");
        await host.CreateAccountAsync(user, "tenant_user", tenant);
        var (tenantToken, _) = await host.SignInAsync(user);
        var admin = AccountsHost.NewEmail("admin");
        await host.CreateAccountAsync(admin);
        var (adminToken, _) = await host.SignInAsync(admin);

        foreach (var (method, path) in new[]
        {
            ("GET", "/api/v1/admin/stats"), ("GET", "/api/v1/admin/licenses"), ("GET", "/api/v1/admin/licenses.csv"),
            ("POST", "/api/v1/admin/activation-codes"), ("DELETE", "/api/v1/admin/licenses/0123456789abcdef0123456789abcdef"),
            ("POST", "/api/v1/admin/tenants"), ("GET", "/api/v1/admin/accounts"), ("POST", "/api/v1/admin/accounts"),
        })
        {
            var response = await host.WithTokenAsync(new HttpMethod(method), path, tenantToken, new { license_type = "annual", duration_days = 365 });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
            (await Json.ReadAsync(response)).AssertError("UNAUTHORIZED");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithTokenAsync(HttpMethod.Get, "/api/invoices", adminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.WithTokenAsync(HttpMethod.Get, "/api/invoices", tenantToken)).StatusCode);
    }

    [Fact]
    public async Task Validating_and_exporting_with_a_token_record_the_acting_account_and_admin_actions_the_named_key()
    {
        var (tenant, key) = await host.CreateTenantAsync("Cabinet D");
        var user = AccountsHost.NewEmail("d");
        var account = (await host.CreateAccountAsync(user, "tenant_user", tenant)).GetProperty("account").Str("id");
        var (access, _) = await host.SignInAsync(user);
        var invoice = await UploadAsync(key);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        // The unreadable upload ends in OCR_FAILED; only then is it parked where a person validates it.
        await Infrastructure.Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<string>(
            "SELECT status FROM invoices WHERE id = @invoice", new { invoice }) == "OCR_FAILED", TimeSpan.FromSeconds(60), "the upload fails OCR");
        await connection.ExecuteAsync("UPDATE invoices SET status = 'PENDING_VALIDATION' WHERE id = @invoice", new { invoice });

        var patch = await host.WithTokenAsync(HttpMethod.Patch, $"/api/invoices/{invoice}", access,
            new Dictionary<string, object> { ["supplierName"] = "Orange", ["invoiceNumber"] = "F-1", ["amountHT"] = 100, ["amountTVA"] = 20, ["amountTTC"] = 120, ["invoiceDate"] = "2024-01-15" });
        Assert.True(patch.StatusCode == HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());
        var export = await host.WithTokenAsync(HttpMethod.Post, "/api/sage/export", access, new { from = "2024-01-01", to = "2024-12-31" });
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync(export)).GetProperty("count").GetInt32());

        var byAccount = (await connection.QueryAsync<(string Action, string Kind, string Actor, Guid? AccountId, Guid? TenantId)>("""
            SELECT action, actor_kind, actor, account_id, tenant_id FROM audit_events
            WHERE action IN ('invoice.validated', 'export.created') AND tenant_id = @tenant ORDER BY id
            """, new { tenant })).ToList();
        Assert.Equal(["invoice.validated", "export.created"], byAccount.Select(e => e.Action));
        Assert.All(byAccount, e => Assert.Equal(("account", user, Guid.Parse(account), (Guid?)tenant), (e.Kind, e.Actor, e.AccountId!.Value, e.TenantId)));
        var byKey = await connection.QueryAsync<(string Kind, string Actor)>(
            "SELECT actor_kind, actor FROM audit_events WHERE action IN ('tenant.created', 'account.created') AND subject IN (@tenant, @account)",
            new { tenant = tenant.ToString(), account });
        Assert.Equal([("api_key", "admin"), ("api_key", "admin")], byKey.ToList());
    }
}
