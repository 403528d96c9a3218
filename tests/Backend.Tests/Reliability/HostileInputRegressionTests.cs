using System.Net;
using System.Text;
using Backend.Tests.Infrastructure;
using Dapper;

namespace Backend.Tests.Reliability;

/// <summary>The inputs the fuzzer found answered with a 500, each pinned down: now a 400 with the envelope, nothing stored.</summary>
public sealed class HostileInputRegressionTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private ReliabilityHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = ReliabilityHost.Create(_database);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    private static byte[] WithInvalidUtf8(string before, string after) => [.. Encoding.UTF8.GetBytes(before), 0xE2, 0x28, 0xA1, .. Encoding.UTF8.GetBytes(after)];

    [Fact]
    public async Task Nul_and_invalid_utf8_on_the_accounting_endpoints_are_400s_with_nothing_stored()
    {
        var (_, tenantKey) = await _host.CreateTenantAsync();
        HttpRequestMessage Request(HttpMethod method, string path, byte[] body)
        {
            var request = new HttpRequestMessage(method, path) { Content = Json(body) };
            request.Headers.Add("X-Api-Key", tenantKey);
            return request;
        }
        var requests = new[]
        {
            Request(HttpMethod.Put, "/api/accounting/supplier-accounts", Encoding.UTF8.GetBytes("{\"supplierName\":\"ACME\\u0000\",\"expenseAccount\":\"6064\"}")),
            Request(HttpMethod.Put, "/api/accounting/supplier-accounts", WithInvalidUtf8("{\"supplierName\":\"", "\",\"expenseAccount\":\"6064\"}")),
            Request(HttpMethod.Post, "/api/sage/export", WithInvalidUtf8("{\"from\":\"2024-01-01\",\"to\":\"", "\"}")),
        };

        foreach (var request in requests)
        {
            var (status, body) = await _host.SendAsync(request);
            Assert.True(status == HttpStatusCode.BadRequest, $"{request.Method} {request.RequestUri}: {(int)status} {body}");
            ErrorEnvelope.Assert(status, body);
        }
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM supplier_accounts"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM export_batches"));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_is_a_400_on_license_tenant_and_invoice_endpoints()
    {
        var (_, tenantKey) = await _host.CreateTenantAsync();
        var invoice = await _host.UploadAsync(tenantKey, TestFiles.GarbagePng(), "x.png");
        var machine = ReliabilityHost.NewMachineId();

        var trial = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/trial") { Content = Json(WithInvalidUtf8($"{{\"machine_id\":\"{machine}", "\",\"email\":\"a@exemple.fr\"}")) };
        trial.Headers.Add("X-Forwarded-For", ReliabilityHost.NewClientAddress());
        var tenant = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/tenants") { Content = Json(WithInvalidUtf8("{\"name\":\"", "\"}")) };
        tenant.Headers.Add("X-Api-Key", _host.AdminApiKey);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/invoices/{invoice}") { Content = Json(WithInvalidUtf8("{\"supplierName\":\"", "\"}")) };
        patch.Headers.Add("X-Api-Key", tenantKey);

        foreach (var request in new[] { trial, tenant, patch })
        {
            var (status, body) = await _host.SendAsync(request);
            Assert.True(status == HttpStatusCode.BadRequest, body);
            ErrorEnvelope.Assert(status, body);
        }
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM licenses"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM tenants"));
    }

    [Fact]
    public async Task A_tenant_body_without_content_length_is_still_capped()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/tenants")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', 200_000) + "\"}"))),
        };
        request.Content.Headers.ContentLength = null;
        request.Headers.Add("X-Api-Key", _host.AdminApiKey);
        var (status, body) = await _host.SendAsync(request);
        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, body);
        ErrorEnvelope.Assert(status, body);
    }

    [Fact]
    public async Task A_nul_character_in_a_license_field_or_the_search_filter_is_a_400()
    {
        var machine = ReliabilityHost.NewMachineId();
        var key = (await _host.TrialAsync(machine)).GetProperty("license_key").GetString()!;

        var (status, body) = await _host.PostJsonAsync("/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = key, app_version = "1.6.0", os_info = "Windows\u000011" });
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.Contains("os_info", body);

        var search = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/licenses?email=a%00b@exemple.fr");
        search.Headers.Add("X-Api-Key", _host.AdminApiKey);
        (status, body) = await _host.SendAsync(search);
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.Contains("email", body);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM heartbeats"));
    }
}
