using Xunit.Abstractions;
using System.Net;
using System.Text.Json.Nodes;
using Backend.Core.Accounting;
using Backend.Core.Accounts;
using Backend.Core.Health;
using Backend.Core.Invoices;
using Backend.Core.Licensing;
using Backend.Core.Notifications;
using Backend.Core.Partners;
using Backend.Core.Products;
using Backend.Core.Updates;
using Backend.Core.Webhooks;
using Backend.Tests.Infrastructure;
using Dapper;
using FsCheck;
using FsCheck.Fluent;

namespace Backend.Tests.Reliability;

/// <summary>
/// Property: whatever body and headers a client sends to any endpoint, the answer is never a 5xx; a refusal is a 4xx
/// with the error envelope and no stack trace, and a refused request leaves the database as it was.
/// Cases per endpoint: <c>RELIABILITY_FUZZ_CASES</c> (CI default 100).
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class EndpointFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private ReliabilityHost _host = null!;
    private Fixtures _fixtures = null!;

    private sealed record Fixtures(string MachineId, string LicenseKey, string Code, string TenantKey, Guid OwnInvoice, Guid OtherTenantInvoice,
        string AdminEmail, Guid AccountId, string RefreshToken, string AdminToken, string TenantUserToken);

    private enum Auth { None, Admin, TenantAdmin, Tenant, AdminToken, TenantToken }

    /// <param name="Route">The route template it exercises, as both hosts declare it: method and path after <c>api/</c>.</param>
    private sealed record Target(string Name, HttpMethod Method, string Route, Func<Random, string> Path, Auth Auth, JsonObject? Sample)
    {
        /// <summary>A bearer value to send when the target carries no other credentials (tokens, garbage, refresh tokens in the wrong place).</summary>
        public Func<Random, string>? Bearer { get; init; }
    }

    /// <summary>Every route the fuzzer exercises ("POST v1/licenses/trial"); <c>FuzzedRouteCoverageTests</c> compares them with the hosts'.</summary>
    internal static IReadOnlyList<string> FuzzedRoutes() =>
        Targets(new Fixtures("", "", "", "", Guid.Empty, Guid.Empty, "", Guid.Empty, "", "", "")).Select(t => $"{t.Method.Method} {t.Route}").ToList();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = ReliabilityHost.Create(_database);
        var machineId = ReliabilityHost.NewMachineId();
        var trial = await _host.TrialAsync(machineId);
        var code = (await _host.CreateCodesAsync("annual", 365, 1))[0];
        var (_, tenantKey) = await _host.CreateTenantAsync("Tenant A");
        var (_, otherKey) = await _host.CreateTenantAsync("Tenant B");
        // Both invoices are parked in final states so nothing changes the table behind the fuzzer's back.
        var own = await _host.UploadAsync(tenantKey, TestFiles.GarbagePng(), "a.png");
        var other = await _host.UploadAsync(otherKey, TestFiles.GarbagePng(), "b.png");
        await Eventually.TrueAsync(async () => await _host.StatusOfAsync(own) == "OCR_FAILED" && await _host.StatusOfAsync(other) == "OCR_FAILED",
            TimeSpan.FromSeconds(60), "the fixture invoices fail OCR");
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE invoices SET status = 'VALIDATED', validated_at = now() WHERE id = @own", new { own });
        }
        // People: an admin and a tenant user, signed in; their tokens are used like the API keys they stand beside.
        const string password = "une phrase de passe bien longue";
        var adminEmail = "fuzz-admin@exemple.fr";
        var (_, created) = await _host.PostJsonAsync("/api/v1/admin/accounts", new { email = adminEmail, role = "admin", display_name = "Fuzz", password }, adminKey: _host.AdminApiKey);
        var accountId = Guid.Parse(System.Text.Json.JsonDocument.Parse(created).RootElement.GetProperty("account").GetProperty("id").GetString()!);
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            var tenantId = await connection.ExecuteScalarAsync<Guid>("SELECT tenant_id FROM invoices WHERE id = @own", new { own });
            await _host.PostJsonAsync("/api/v1/admin/accounts", new { email = "fuzz-user@exemple.fr", role = "tenant_user", tenant_id = tenantId, display_name = "Fuzz", password }, adminKey: _host.AdminApiKey);
        }
        var (_, adminLogin) = await _host.PostJsonAsync("/api/v1/auth/login", new { email = adminEmail, password });
        var (_, userLogin) = await _host.PostJsonAsync("/api/v1/auth/login", new { email = "fuzz-user@exemple.fr", password });
        string Member(string json, string name) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty(name).GetString()!;
        _fixtures = new Fixtures(machineId, trial.GetProperty("license_key").GetString()!, code, tenantKey, own, other,
            adminEmail, accountId, Member(adminLogin, "refresh_token"), Member(adminLogin, "access_token"), Member(userLogin, "access_token"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IEnumerable<Target> Targets() => Targets(_fixtures);

    private static IEnumerable<Target> Targets(Fixtures f)
    {
        string Id(Random r) => r.Next(6) switch
        {
            0 => f.OwnInvoice.ToString(),
            1 => f.OtherTenantInvoice.ToString(),
            2 => Guid.NewGuid().ToString(),
            3 => Uri.EscapeDataString("'; DELETE FROM invoices; --"),
            4 => new string('9', r.Next(1, 3000)),
            _ => Uri.EscapeDataString("ü%00\u202E"),
        };
        string Query(Random r)
        {
            string[] values = ["-1", "0", "99999999999999999999", "abc", "%27%3B--", "%00", "UPLOADED", "trial", new string('z', 3000), "1e9", "true"];
            string[] names = ["page", "page_size", "pageSize", "status", "email", "type", "from", "to", "supplier", "number", "minAmount", "maxAmount", "ids"];
            return string.Join("&", Enumerable.Range(0, r.Next(0, 4)).Select(_ => $"{names[r.Next(names.Length)]}={values[r.Next(values.Length)]}"));
        }
        string Machine(Random r) => r.Next(4) switch
        {
            0 => f.MachineId,
            1 => ReliabilityHost.NewMachineId(),
            2 => new string('g', 32),
            _ => Uri.EscapeDataString(new string('a', r.Next(0, 500)) + "'--"),
        };

        yield return new("trial", HttpMethod.Post, LicenseRoutes.Trial, _ => "/api/v1/licenses/trial", Auth.None,
            new JsonObject { ["machine_id"] = ReliabilityHost.NewMachineId(), ["email"] = "jean@exemple.fr", ["product"] = "easyfacture", ["version"] = "1.6.0" });
        yield return new("activate", HttpMethod.Post, LicenseRoutes.Activate, _ => "/api/v1/licenses/activate", Auth.None,
            new JsonObject { ["machine_id"] = f.MachineId, ["activation_code"] = "ABCD-EFGH-JKLM-NPQR", ["email"] = "jean@exemple.fr" });
        yield return new("validate", HttpMethod.Post, LicenseRoutes.Validate, _ => "/api/v1/licenses/validate", Auth.None,
            new JsonObject { ["machine_id"] = f.MachineId, ["license_key"] = f.LicenseKey });
        yield return new("heartbeat", HttpMethod.Post, LicenseRoutes.Heartbeat, _ => "/api/v1/licenses/heartbeat", Auth.None,
            new JsonObject { ["machine_id"] = f.MachineId, ["license_key"] = f.LicenseKey, ["app_version"] = "1.6.0", ["os_info"] = "Windows 11" });
        yield return new("public-key", HttpMethod.Get, LicenseRoutes.PublicKey, _ => "/api/v1/licenses/public-key", Auth.None, null);
        yield return new("admin revoke", HttpMethod.Delete, LicenseRoutes.Revoke, r => "/api/v1/admin/licenses/" + Machine(r), Auth.Admin, new JsonObject { ["reason"] = "fraude" });
        yield return new("admin activation-codes", HttpMethod.Post, LicenseRoutes.ActivationCodes, _ => "/api/v1/admin/activation-codes", Auth.Admin,
            new JsonObject { ["license_type"] = "annual", ["duration_days"] = 365, ["count"] = 1, ["expires_at"] = "2030-01-01T00:00:00Z", ["notes"] = "fuzz" });
        yield return new("admin search", HttpMethod.Get, LicenseRoutes.Search, r => "/api/v1/admin/licenses?" + Query(r), Auth.Admin, null);
        yield return new("admin csv", HttpMethod.Get, LicenseRoutes.CsvExport, r => "/api/v1/admin/licenses.csv?" + Query(r), Auth.Admin, null);
        yield return new("admin stats", HttpMethod.Get, LicenseRoutes.Stats, r => "/api/v1/admin/stats?" + Query(r), Auth.Admin, null);
        yield return new("admin license detail", HttpMethod.Get, LicenseRoutes.Revoke, r => "/api/v1/admin/licenses/" + Machine(r), Auth.Admin, null);
        yield return new("admin code list", HttpMethod.Get, LicenseRoutes.ActivationCodes, r => "/api/v1/admin/activation-codes?" + Query(r), Auth.Admin, null);
        yield return new("admin tenants", HttpMethod.Post, InvoiceRoutes.Tenants, _ => "/api/v1/admin/tenants", Auth.TenantAdmin, new JsonObject { ["name"] = "Cabinet Durand" });
        yield return new("admin tenant list", HttpMethod.Get, InvoiceRoutes.Tenants, r => "/api/v1/admin/tenants" + (r.Next(2) == 0 ? "" : "?" + Query(r)), Auth.TenantAdmin, null);
        yield return new("invoice list", HttpMethod.Get, InvoiceRoutes.Invoices, r => "/api/invoices?" + Query(r), Auth.Tenant, null);
        yield return new("invoice states", HttpMethod.Get, InvoiceRoutes.States, r => "/api/invoices/states?" + (r.Next(2) == 0 ? $"ids={Id(r)},{Id(r)}" : Query(r)), Auth.Tenant, null);
        yield return new("invoice get", HttpMethod.Get, InvoiceRoutes.Invoice, r => "/api/invoices/" + Id(r), Auth.Tenant, null);
        yield return new("invoice patch", HttpMethod.Patch, InvoiceRoutes.Invoice, r => "/api/invoices/" + Id(r), Auth.Tenant,
            new JsonObject { ["supplierName"] = "ACME", ["invoiceNumber"] = "F-1", ["amountHt"] = 100, ["amountTva"] = 20, ["amountTtc"] = 120, ["invoiceDate"] = "2024-01-15" });
        yield return new("invoice retry", HttpMethod.Post, InvoiceRoutes.Retry, r => $"/api/invoices/{Id(r)}/retry", Auth.Tenant, null);
        yield return new("invoice upload", HttpMethod.Post, InvoiceRoutes.Invoices, _ => "/api/invoices", Auth.Tenant, null);
        yield return new("invoice upload alias", HttpMethod.Post, InvoiceRoutes.Upload, _ => "/api/upload", Auth.Tenant, null);
        yield return new("sage export", HttpMethod.Post, AccountingRoutes.SageExport, _ => "/api/sage/export", Auth.Tenant,
            new JsonObject { ["from"] = "2024-01-01", ["to"] = "2024-01-31" });
        yield return new("export batches", HttpMethod.Get, AccountingRoutes.Exports, r => "/api/exports?" + Query(r), Auth.Tenant, null);
        yield return new("export download", HttpMethod.Get, AccountingRoutes.ExportDownload, r => $"/api/exports/{Id(r)}/{(r.Next(3) switch { 0 => "sage", 1 => "fec", _ => Uri.EscapeDataString("../../etc") })}", Auth.Tenant, null);
        yield return new("supplier accounts", HttpMethod.Put, AccountingRoutes.SupplierAccounts, _ => "/api/accounting/supplier-accounts", Auth.Tenant,
            new JsonObject { ["supplierName"] = "ACME Fournitures", ["expenseAccount"] = "6064", ["supplierAccount"] = "401" });
        string Account(Random r) => r.Next(4) switch
        {
            0 => f.AccountId.ToString(),
            1 => Guid.NewGuid().ToString(),
            2 => Uri.EscapeDataString("'; DROP TABLE accounts; --"),
            _ => new string('7', r.Next(1, 2000)),
        };
        string Token(Random r) => r.Next(3) switch
        {
            0 => "efr_" + new string('A', 43),
            1 => f.AdminToken,
            _ => new string('x', r.Next(0, 300)),
        };
        yield return new("auth login", HttpMethod.Post, AccountRoutes.Login, _ => "/api/v1/auth/login", Auth.None,
            new JsonObject { ["email"] = f.AdminEmail, ["password"] = "pas le bon mot de passe" });
        yield return new("auth refresh", HttpMethod.Post, AccountRoutes.Refresh, _ => "/api/v1/auth/refresh", Auth.None, new JsonObject { ["refresh_token"] = "efr_" + new string('B', 43) });
        yield return new("auth logout", HttpMethod.Post, AccountRoutes.Logout, _ => "/api/v1/auth/logout", Auth.None, new JsonObject { ["refresh_token"] = "efr_" + new string('C', 43) });
        yield return new("auth password setup", HttpMethod.Post, AccountRoutes.PasswordSetup, _ => "/api/v1/auth/password/setup", Auth.None,
            new JsonObject { ["token"] = "efs_" + new string('D', 43), ["password"] = "une autre phrase de passe" });
        yield return new("auth password change", HttpMethod.Post, AccountRoutes.PasswordChange, _ => "/api/v1/auth/password/change", Auth.TenantToken,
            new JsonObject { ["current_password"] = "pas le bon mot de passe", ["new_password"] = "une autre phrase de passe" });
        yield return new("admin accounts create", HttpMethod.Post, AccountRoutes.Accounts, _ => "/api/v1/admin/accounts", Auth.AdminToken,
            new JsonObject { ["email"] = f.AdminEmail, ["role"] = "tenant_user", ["tenant_id"] = Guid.NewGuid().ToString(), ["display_name"] = "X", ["password"] = "court" });
        yield return new("admin accounts list", HttpMethod.Get, AccountRoutes.Accounts, r => "/api/v1/admin/accounts?" + Query(r).Replace("pageSize", "page_size").Replace("status", "role"), Auth.Admin, null);
        yield return new("admin accounts enable", HttpMethod.Post, AccountRoutes.Enable, r => $"/api/v1/admin/accounts/{Account(r)}/enable", Auth.AdminToken, null);
        yield return new("admin accounts disable", HttpMethod.Post, AccountRoutes.Disable, r => $"/api/v1/admin/accounts/{Account(r)}/disable", Auth.AdminToken, null);
        yield return new("invoice get (tenant token)", HttpMethod.Get, InvoiceRoutes.Invoice, r => "/api/invoices/" + Id(r), Auth.TenantToken, null);
        yield return new("admin stats (bearer token)", HttpMethod.Get, LicenseRoutes.Stats, r => "/api/v1/admin/stats?" + Query(r), Auth.None, null) { Bearer = Token };
        yield return new("admin accounts password reset", HttpMethod.Post, AccountRoutes.PasswordReset, r => $"/api/v1/admin/accounts/{Account(r)}/password-reset", Auth.AdminToken, null);
        yield return new("invoice file", HttpMethod.Get, InvoiceRoutes.InvoiceFile, r => $"/api/invoices/{Id(r)}/file" + (r.Next(2) == 0 ? "" : "?expires=" + r.Next() + "&sig=" + Uri.EscapeDataString(new string('z', r.Next(0, 80)))), Auth.Tenant, null);
        // Events: webhooks of admins and tenants, the unsubscribe link.
        string Delivery(Random r) => r.Next(3) switch { 0 => r.Next().ToString(), 1 => "-1", _ => Uri.EscapeDataString("1 OR 1=1") };
        yield return new("admin webhook create", HttpMethod.Post, WebhookRoutes.Admin, _ => "/api/v1/admin/webhooks", Auth.Admin,
            new JsonObject { ["url"] = "https://hooks.exemple.fr/licences", ["events"] = new JsonArray("license.revoked"), ["description"] = "fuzz" });
        yield return new("admin webhook list", HttpMethod.Get, WebhookRoutes.Admin, r => "/api/v1/admin/webhooks?" + Query(r), Auth.Admin, null);
        yield return new("admin webhook delete", HttpMethod.Delete, WebhookRoutes.AdminOne, r => "/api/v1/admin/webhooks/" + Id(r), Auth.Admin, null);
        yield return new("admin webhook deliveries", HttpMethod.Get, WebhookRoutes.AdminDeliveries, r => $"/api/v1/admin/webhooks/{Id(r)}/deliveries?" + Query(r), Auth.Admin, null);
        yield return new("admin webhook redeliver", HttpMethod.Post, WebhookRoutes.AdminRedeliver, r => $"/api/v1/admin/webhooks/{Id(r)}/deliveries/{Delivery(r)}/redeliver", Auth.Admin, null);
        yield return new("admin webhook rotate", HttpMethod.Post, WebhookRoutes.AdminRotateSecret, r => $"/api/v1/admin/webhooks/{Id(r)}/rotate-secret", Auth.Admin, null);
        yield return new("admin webhook enable", HttpMethod.Post, WebhookRoutes.AdminEnable, r => $"/api/v1/admin/webhooks/{Id(r)}/enable", Auth.Admin, null);
        yield return new("tenant webhook create", HttpMethod.Post, TenantWebhookRoutes.Tenant, _ => "/api/webhooks", Auth.Tenant,
            new JsonObject { ["url"] = "https://hooks.exemple.fr/factures", ["events"] = new JsonArray("invoice.validated"), ["description"] = "fuzz" });
        yield return new("tenant webhook list", HttpMethod.Get, TenantWebhookRoutes.Tenant, r => "/api/webhooks?" + Query(r), Auth.Tenant, null);
        yield return new("tenant webhook delete", HttpMethod.Delete, TenantWebhookRoutes.TenantOne, r => "/api/webhooks/" + Id(r), Auth.Tenant, null);
        yield return new("tenant webhook deliveries", HttpMethod.Get, TenantWebhookRoutes.TenantDeliveries, r => $"/api/webhooks/{Id(r)}/deliveries?" + Query(r), Auth.Tenant, null);
        yield return new("tenant webhook redeliver", HttpMethod.Post, TenantWebhookRoutes.TenantRedeliver, r => $"/api/webhooks/{Id(r)}/deliveries/{Delivery(r)}/redeliver", Auth.Tenant, null);
        yield return new("tenant webhook rotate", HttpMethod.Post, TenantWebhookRoutes.TenantRotateSecret, r => $"/api/webhooks/{Id(r)}/rotate-secret", Auth.Tenant, null);
        yield return new("tenant webhook enable", HttpMethod.Post, TenantWebhookRoutes.TenantEnable, r => $"/api/webhooks/{Id(r)}/enable", Auth.Tenant, null);
        string Token64(Random r) => r.Next(3) switch { 0 => new string('a', 43), 1 => Uri.EscapeDataString("'; --"), _ => new string('z', r.Next(0, 300)) };
        yield return new("unsubscribe link", HttpMethod.Get, EmailRoutes.Unsubscribe, r => "/api/v1/email/unsubscribe?token=" + Token64(r), Auth.None, null);
        yield return new("unsubscribe one-click", HttpMethod.Post, EmailRoutes.Unsubscribe, r => "/api/v1/email/unsubscribe?token=" + Token64(r), Auth.None, null);
        // Products, resellers, releases and update checks.
        string Code(Random r) => r.Next(3) switch { 0 => "easyfacture", 1 => "inconnu", _ => Uri.EscapeDataString("É'--" + new string('x', r.Next(0, 200))) };
        yield return new("admin product create", HttpMethod.Post, ProductRoutes.Products, _ => "/api/v1/admin/products", Auth.Admin,
            new JsonObject { ["code"] = "fuzzprod", ["name"] = "Fuzz", ["trial_days"] = 14 });
        yield return new("admin product list", HttpMethod.Get, ProductRoutes.Products, r => "/api/v1/admin/products?" + Query(r), Auth.Admin, null);
        yield return new("admin product update", HttpMethod.Patch, ProductRoutes.Product, r => "/api/v1/admin/products/" + Code(r), Auth.Admin,
            new JsonObject { ["name"] = "EasyFacture", ["trial_days"] = 30 });
        yield return new("admin partner create", HttpMethod.Post, PartnerRoutes.Partners, _ => "/api/v1/admin/partners", Auth.Admin,
            new JsonObject { ["name"] = "revendeur-fuzz", ["products"] = new JsonArray("easyfacture") });
        yield return new("admin partner list", HttpMethod.Get, PartnerRoutes.Partners, r => "/api/v1/admin/partners?" + Query(r), Auth.Admin, null);
        yield return new("admin partner disable", HttpMethod.Post, PartnerRoutes.DisablePartner, r => $"/api/v1/admin/partners/{Code(r)}/disable", Auth.Admin, null);
        yield return new("partner code create", HttpMethod.Post, PartnerRoutes.ActivationCodes, _ => "/api/v1/partner/activation-codes", Auth.None,
            new JsonObject { ["product"] = "easyfacture", ["license_type"] = "annual", ["duration_days"] = 365, ["count"] = 1 }) { Bearer = _ => "efp_" + Guid.NewGuid().ToString("N") + "_x" };
        yield return new("partner code list", HttpMethod.Get, PartnerRoutes.ActivationCodes, r => "/api/v1/partner/activation-codes?" + Query(r), Auth.None, null) { Bearer = Token };
        yield return new("admin release publish", HttpMethod.Post, UpdateRoutes.Releases, _ => "/api/v1/admin/releases", Auth.Admin,
            new JsonObject
            {
                ["product"] = "easyfacture", ["channel"] = "stable", ["version"] = "1.7.0", ["url"] = "https://telechargement.exemple.fr/1.7.0.msi",
                ["sha256"] = new string('a', 64), ["size"] = 1000, ["notes"] = "fuzz", ["min_version"] = "1.0.0", ["rollout_percent"] = 10,
            });
        yield return new("admin release list", HttpMethod.Get, UpdateRoutes.Releases, r => "/api/v1/admin/releases?" + Query(r), Auth.Admin, null);
        yield return new("admin release update", HttpMethod.Patch, UpdateRoutes.Release, r => "/api/v1/admin/releases/" + Id(r), Auth.Admin, new JsonObject { ["rollout_percent"] = 50 });
        yield return new("update check", HttpMethod.Get, UpdateRoutes.Check,
            r => $"/api/v1/updates/{Code(r)}?channel=stable&current={(r.Next(2) == 0 ? "1.0.0" : "x.y")}&machine_id={Machine(r)}&" + Query(r), Auth.None, null);
        yield return new("health", HttpMethod.Get, HealthRoutes.Health, _ => "/api/health", Auth.None, null);
        yield return new("openapi", HttpMethod.Get, "openapi.json", _ => "/api/openapi.json", Auth.None, null);
        yield return new("metrics", HttpMethod.Get, "metrics", _ => "/metrics", Auth.Admin, null);
    }

    [Fact]
    public async Task No_endpoint_answers_hostile_input_with_a_5xx_or_changes_the_database_when_it_refuses()
    {
        var cases = ReliabilityFigures.Scaled("RELIABILITY_FUZZ_CASES", 100);
        var total = 0;
        foreach (var target in Targets())
        {
            var statuses = new SortedDictionary<int, int>();
            var property = Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
            {
                var problem = Task.Run(() => RunCaseAsync(target, new Random(seed), statuses)).GetAwaiter().GetResult();
                Assert.True(problem is null, $"{target.Name} seed {seed}: {problem}");
                return true;
            });
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
            total += statuses.Values.Sum();
            ReliabilityFigures.Record(output, "fuzz " + target.Name, $"{statuses.Values.Sum()} cases; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        }
        ReliabilityFigures.Record(output, "fuzz total", $"{total} cases over {Targets().Count()} endpoints, 0 5xx, 0 envelope or database violations");
        Assert.Equal(cases * Targets().Count(), total);
    }

    private async Task<string?> RunCaseAsync(Target target, Random random, SortedDictionary<int, int> statuses)
    {
        var request = new HttpRequestMessage(target.Method, target.Path(random));
        string kind;
        if (target.Sample is not null || random.Next(4) == 0)
        {
            var (body, contentType, mutation) = HostileJson.Mutate(random, target.Sample ?? new JsonObject { ["q"] = 1 });
            kind = mutation;
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        else
        {
            kind = "no body";
        }
        var auth = random.Next(10) == 0 ? Auth.None : target.Auth; // now and then, no credentials at all
        switch (auth)
        {
            case Auth.Admin:
                request.Headers.Add("X-Api-Key", _host.AdminApiKey);
                break;
            case Auth.TenantAdmin:
                request.Headers.Add("X-Api-Key", _host.AdminApiKey);
                break;
            case Auth.Tenant:
                request.Headers.Add("X-Api-Key", _fixtures.TenantKey);
                break;
            case Auth.AdminToken:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _fixtures.AdminToken);
                break;
            case Auth.TenantToken:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _fixtures.TenantUserToken);
                break;
            case Auth.None when target.Bearer is not null:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + target.Bearer(random));
                break;
        }
        foreach (var (name, value) in HostileJson.Headers(random))
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (!request.Headers.Contains("X-Forwarded-For"))
        {
            request.Headers.Add("X-Forwarded-For", ReliabilityHost.NewClientAddress());
        }

        var before = await SnapshotAsync();
        var (status, responseBody) = await _host.SendAsync(request);
        lock (statuses)
        {
            statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
        }
        if (ErrorEnvelope.Problem(status, responseBody) is { } problem)
        {
            var errors = _host.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(1);
            return $"[{kind}] {problem} {string.Join("\n", errors)}";
        }
        if ((int)status >= 400)
        {
            var after = await SnapshotAsync();
            if (after != before)
            {
                return $"[{kind}] refused with {(int)status} but the database changed";
            }
        }
        return null;
    }

    /// <summary>What a request may change, minus bookkeeping that moves on its own (rate-limit windows, batched validation stamps).</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("""
            SELECT md5(concat_ws('|',
              (SELECT string_agg(concat_ws(',', id, machine_id, email, license_type, expires_at, is_active, is_revoked, revoked_reason, activation_code, app_version, os_info), ';' ORDER BY id) FROM licenses),
              (SELECT string_agg(concat_ws(',', code, is_used, used_by_license_id, notes), ';' ORDER BY id) FROM activation_codes),
              (SELECT count(*) FROM heartbeats),
              (SELECT string_agg(concat_ws(',', id, name), ';' ORDER BY id) FROM tenants),
              (SELECT count(*) FROM tenant_api_keys),
              (SELECT string_agg(concat_ws(',', id, status, retry_count, supplier_name, invoice_number, amount_ttc, validated_at), ';' ORDER BY id) FROM invoices),
              (SELECT count(*) FROM job_queue),
              (SELECT string_agg(concat_ws(',', id, email, role, tenant_id, disabled_at, password_hash), ';' ORDER BY id) FROM accounts),
              (SELECT count(*) FROM session_families WHERE revoked_at IS NOT NULL),
              (SELECT count(*) FROM password_setup_tokens),

              (SELECT string_agg(concat_ws(',', tenant_id, supplier_key, expense_account, supplier_account), ';' ORDER BY tenant_id, supplier_key) FROM supplier_accounts),
              (SELECT count(*) FROM export_batches)))
            """) ?? "";
    }
}
