using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backend.Core.Licensing;
using Backend.Core.Security;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Reliability;

/// <summary>Tenant isolation, admin authentication, forged license keys, secrets kept out of logs and responses, data at rest, SQL injection.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private ReliabilityHost _host = null!;
    private readonly List<string> _responses = [];

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

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, object? body = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", ReliabilityHost.NewClientAddress());
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var answer = await _host.SendAsync(request);
        _responses.Add(answer.Body);
        return answer;
    }

    private static string WithoutVolatile(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("request_id");
        json.Remove("timestamp");
        return json.ToJsonString();
    }

    [Fact]
    public async Task Another_tenants_invoice_looks_exactly_like_a_missing_one_on_every_invoice_endpoint()
    {
        var (_, keyA) = await _host.CreateTenantAsync("A");
        var (_, keyB) = await _host.CreateTenantAsync("B");
        var invoiceOfA = await _host.UploadAsync(keyA, TestFiles.GarbagePng(), "a.png");
        var missing = Guid.NewGuid();
        var before = await _host.StatusOfAsync(invoiceOfA);

        foreach (var (method, template, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "/api/invoices/{0}", null),
            (HttpMethod.Patch, "/api/invoices/{0}", new { supplierName = "Pirate" }),
            (HttpMethod.Post, "/api/invoices/{0}/retry", null),
        })
        {
            var foreign = await SendAsync(method, string.Format(template, invoiceOfA), body, ("X-Api-Key", keyB));
            var absent = await SendAsync(method, string.Format(template, missing), body, ("X-Api-Key", keyB));
            Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
            Assert.Equal(absent.Status, foreign.Status);
            Assert.Equal(WithoutVolatile(absent.Body), WithoutVolatile(foreign.Body));
        }
        var list = await SendAsync(HttpMethod.Get, "/api/invoices", null, ("X-Api-Key", keyB));
        Assert.DoesNotContain(invoiceOfA.ToString(), list.Body);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string>("SELECT supplier_name FROM invoices WHERE id = @invoiceOfA", new { invoiceOfA }));
        Assert.Contains(await _host.StatusOfAsync(invoiceOfA), new[] { before, "OCR_PROCESSING", "OCR_FAILED", "UPLOADED" });
    }

    [Fact]
    public async Task Admin_endpoints_refuse_no_key_a_wrong_key_and_a_tenants_key()
    {
        var (_, tenantKey) = await _host.CreateTenantAsync("T");
        var admin = _host.AdminApiKey;
        var almost = admin[..^1] + (admin[^1] == 'A' ? 'B' : 'A');
        (string, string)[][] credentials =
        [
            [],
            [("X-Api-Key", Convert.ToHexString(RandomNumberGenerator.GetBytes(24)))],
            [("X-Api-Key", almost)],
            [("X-Api-Key", admin[..^1])],
            [("X-Api-Key", admin + "0")],
            [("Authorization", "Bearer " + almost)],
            [("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + admin)))],
            [("X-Api-Key", tenantKey)],
            [("Authorization", "Bearer " + tenantKey)],
            [("X-Admin-Key", tenantKey)],
        ];
        var endpoints = new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Delete, $"/api/v1/admin/licenses/{ReliabilityHost.NewMachineId()}", null),
            (HttpMethod.Post, "/api/v1/admin/activation-codes", new { license_type = "annual", duration_days = 365, count = 1 }),
            (HttpMethod.Get, "/api/v1/admin/licenses", null),
            (HttpMethod.Get, "/api/v1/admin/licenses.csv", null),
            (HttpMethod.Get, "/api/v1/admin/stats", null),
            (HttpMethod.Post, "/api/v1/admin/tenants", new { name = "Intrus" }),
        };
        var checks = 0;
        foreach (var (method, path, body) in endpoints)
        {
            foreach (var headers in credentials)
            {
                var (status, answer) = await SendAsync(method, path, body, headers);
                Assert.True(status == HttpStatusCode.Unauthorized, $"{method} {path} with {string.Join(",", headers.Select(h => h.Item1))}: {(int)status} {answer}");
                ErrorEnvelope.Assert(status, answer);
                checks++;
            }
        }
        Assert.Equal(60, checks);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM activation_codes"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM tenants"));
    }

    [Fact]
    public async Task The_admin_key_comparers_accept_only_the_exact_key()
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var tokenKeys = new AccessTokenKeys(Options.Create(new AccessTokenSettings
        {
            ActiveKeyId = "k1",
            Keys = { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        }));
        var tokens = new BearerTokenAuthenticator(new AccessTokenValidator(tokenKeys, TimeProvider.System), _database.DataSource);
        var admins = new AdminAuthenticator(Options.Create(new AdminApiKeySettings { AdminApiKey = key }), tokens);
        HttpContext With(string header, string value)
        {
            var context = new DefaultHttpContext();
            context.Request.Headers[header] = value;
            return context;
        }
        string[] wrong = ["", key[..^1], key + "0", key.ToLowerInvariant(), key[1..] + key[0], " " + new string('0', key.Length), new string('A', 600), key.Replace(key[5], key[5] == 'F' ? 'E' : 'F')];

        Assert.Equal("admin", (await admins.AuthenticateAsync(With("X-Api-Key", key)))?.Name);
        Assert.Equal("admin", (await admins.AuthenticateAsync(With("Authorization", "Bearer " + key)))?.Name);
        Assert.Null(await admins.AuthenticateAsync(With("X-Admin-Key", key)));
        foreach (var guess in wrong)
        {
            Assert.Null(await admins.AuthenticateAsync(With("X-Api-Key", guess)));
            Assert.Null(await admins.AuthenticateAsync(With("Authorization", "Bearer " + guess)));
        }
        // Without a configured key nothing is accepted, not even an empty header.
        Assert.Null(await new AdminAuthenticator(Options.Create(new AdminApiKeySettings()), tokens).AuthenticateAsync(With("X-Api-Key", "")));
    }

    [Fact]
    public async Task Forged_changed_foreign_expired_and_unknown_key_id_licenses_get_their_documented_codes()
    {
        var machine = ReliabilityHost.NewMachineId();
        var key = (await _host.TrialAsync(machine)).GetProperty("license_key").GetString()!;
        var parts = key.Split('.');
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();

        string Payload(Action<JsonObject> change)
        {
            var copy = claims.DeepClone().AsObject();
            change(copy);
            return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(copy.ToJsonString()));
        }
        using var foreignSigner = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string SignWith(ECDsa signer, string payload)
        {
            var signed = parts[0] + "." + payload;
            return signed + "." + Base64Url.EncodeToString(signer.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }
        var lifetime = Payload(c => { c["typ"] = "lifetime"; c["exp"] = 4_102_444_800L; });
        var cases = new (string Name, string Machine, string Key, string Expected)[]
        {
            ("forged signature", machine, parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64)), LicenseErrorCodes.InvalidLicenseKey),
            ("changed payload", machine, parts[0] + "." + lifetime + "." + parts[2], LicenseErrorCodes.InvalidLicenseKey),
            ("signed by another key, same key id", machine, SignWith(foreignSigner, lifetime), LicenseErrorCodes.InvalidLicenseKey),
            ("unknown key id", machine, SignWith(foreignSigner, Payload(c => c["kid"] = "0123456789abcdef")), LicenseErrorCodes.InvalidLicenseKey),
            ("garbage", machine, "EF1.%%%.***", LicenseErrorCodes.InvalidLicenseKey),
            ("another machine", ReliabilityHost.NewMachineId(), key, LicenseErrorCodes.LicenseMachineMismatch),
        };
        foreach (var (name, forMachine, licenseKey, expected) in cases)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/licenses/validate", new { machine_id = forMachine, license_key = licenseKey });
            Assert.True(status == HttpStatusCode.OK, $"{name}: {body}");
            var json = JsonDocument.Parse(body).RootElement;
            Assert.False(json.GetProperty("valid").GetBoolean(), name);
            Assert.True(json.GetProperty("error").GetString() == expected, $"{name}: {body}");
        }

        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE licenses SET created_at = now() - interval '40 days', expires_at = now() - interval '1 day' WHERE machine_id = @machine", new { machine });
        }
        // A change made straight in SQL reaches the in-memory license copy through its notification, a moment later.
        await Eventually.TrueAsync(async () =>
        {
            var expired = await SendAsync(HttpMethod.Post, "/api/v1/licenses/validate", new { machine_id = machine, license_key = key });
            return JsonDocument.Parse(expired.Body).RootElement.TryGetProperty("error", out var error)
                && error.GetString() == LicenseErrorCodes.LicenseExpired;
        }, TimeSpan.FromSeconds(10), "validate answers LICENSE_EXPIRED once the expiry written in SQL reaches the license copy");
    }

    [Fact]
    public async Task Ocr_text_is_ciphertext_at_rest_and_no_secret_reaches_a_log_or_a_response()
    {
        var (_, key) = await _host.CreateTenantAsync("Chiffre");
        const string marker = "FACTURE N ZX-9876-SECRET Total TTC 120,00 EUR";
        var id = await _host.UploadAsync(key, TestFiles.TextPdf(1, marker), "f.pdf");
        await Eventually.TrueAsync(async () => await _host.StatusOfAsync(id) is "OCR_COMPLETED" or "PENDING_VALIDATION" or "AI_COMPLETED" or "AI_FAILED",
            TimeSpan.FromSeconds(60), "the text-layer invoice is read");

        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            var (text, raw) = await connection.QuerySingleAsync<(byte[], byte[])>("SELECT ocr_text, ocr_raw_data FROM invoices WHERE id = @id", new { id });
            foreach (var stored in new[] { text, raw })
            {
                Assert.NotEmpty(stored);
                Assert.DoesNotContain("ZX-9876", Encoding.UTF8.GetString(stored));
                Assert.DoesNotContain("ZX-9876", Encoding.Latin1.GetString(stored));
            }
        }
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/invoices/{id}", null, ("X-Api-Key", key));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ZX-9876-SECRET", JsonDocument.Parse(body).RootElement.GetProperty("invoice").GetProperty("ocrText").GetString());
        Assert.DoesNotContain("ocrRawData", body, StringComparison.OrdinalIgnoreCase);

        // Exercise the rest: a license, a validation, a failed admin call, a public key read.
        var machine = ReliabilityHost.NewMachineId();
        var license = (await _host.TrialAsync(machine)).GetProperty("license_key").GetString()!;
        await SendAsync(HttpMethod.Post, "/api/v1/licenses/validate", new { machine_id = machine, license_key = license });
        await SendAsync(HttpMethod.Get, "/api/v1/licenses/public-key");
        await SendAsync(HttpMethod.Get, "/api/v1/admin/stats", null, ("X-Api-Key", "wrong-" + _host.AdminApiKey));
        await SendAsync(HttpMethod.Get, "/api/v1/admin/stats", null, ("X-Api-Key", _host.AdminApiKey));

        var secrets = new Dictionary<string, string>
        {
            ["signing key"] = _host.Factory.SigningPrivateKey,
            ["encryption key"] = _host.Factory.Settings["Encryption:Keys:local1"]!,
            ["admin key"] = _host.AdminApiKey,
            ["tenant key"] = key,
        };
        var logs = string.Join("\n", _host.Logs.Lines);
        Assert.True(_host.Logs.Lines.Count > 20, $"the app logged while we watched ({_host.Logs.Lines.Count} lines)");
        foreach (var (name, secret) in secrets)
        {
            Assert.True(secret.Length >= 24, name);
            Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"{name} appears in the logs");
            Assert.False(logs.Contains(secret[..16], StringComparison.Ordinal), $"the start of the {name} appears in the logs");
            if (name is not "tenant key")
            {
                Assert.DoesNotContain(_responses, r => r.Contains(secret[..16], StringComparison.Ordinal));
            }
        }
        Assert.DoesNotContain("ZX-9876", logs);
    }

    [Fact]
    public async Task Sql_injection_strings_in_every_text_field_are_stored_as_data()
    {
        const string injection = "x'); DROP TABLE licenses; --";
        const string shortInjection = "1'--";
        var (_, key) = await _host.CreateTenantAsync("Robert'); DROP TABLE invoices; --");
        var machine = ReliabilityHost.NewMachineId();
        var license = (await _host.TrialAsync(machine)).GetProperty("license_key").GetString()!;

        var heartbeat = await SendAsync(HttpMethod.Post, "/api/v1/licenses/heartbeat", new { machine_id = machine, license_key = license, app_version = shortInjection, os_info = injection });
        Assert.True(heartbeat.Status == HttpStatusCode.OK, heartbeat.Body);
        var codes = await SendAsync(HttpMethod.Post, "/api/v1/admin/activation-codes", new { license_type = "annual", duration_days = 365, count = 1, notes = injection }, ("X-Api-Key", _host.AdminApiKey));
        Assert.True(codes.Status == HttpStatusCode.Created, codes.Body);
        var search = await SendAsync(HttpMethod.Get, "/api/v1/admin/licenses?email=" + Uri.EscapeDataString("' OR '1'='1"), null, ("X-Api-Key", _host.AdminApiKey));
        Assert.True(search.Status == HttpStatusCode.OK, search.Body);
        Assert.DoesNotContain(machine, search.Body);
        var list = await SendAsync(HttpMethod.Get, "/api/invoices?status=" + Uri.EscapeDataString("UPLOADED' OR '1'='1"), null, ("X-Api-Key", key));
        Assert.True((int)list.Status is 200 or 400, list.Body);
        var id = await _host.UploadAsync(key, TestFiles.GarbagePng(), "'; DROP TABLE tenants; --.png");
        await Eventually.TrueAsync(async () => await _host.StatusOfAsync(id) == "OCR_FAILED", TimeSpan.FromSeconds(60));
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE invoices SET status = 'PENDING_VALIDATION' WHERE id = @id", new { id });
        }
        var patch = await SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", new { supplierName = injection, invoiceNumber = shortInjection }, ("X-Api-Key", key));
        Assert.True(patch.Status == HttpStatusCode.OK, patch.Body);
        var revoke = await SendAsync(HttpMethod.Delete, $"/api/v1/admin/licenses/{machine}?reason=" + Uri.EscapeDataString(injection), null, ("X-Api-Key", _host.AdminApiKey));
        Assert.True(revoke.Status == HttpStatusCode.OK, revoke.Body);

        await using var db = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal("Robert'); DROP TABLE invoices; --", await db.ExecuteScalarAsync<string>("SELECT name FROM tenants"));
        Assert.Equal(injection, await db.ExecuteScalarAsync<string>("SELECT os_info FROM heartbeats"));
        Assert.Equal(shortInjection, await db.ExecuteScalarAsync<string>("SELECT app_version FROM heartbeats"));
        Assert.Equal(injection, await db.ExecuteScalarAsync<string>("SELECT notes FROM activation_codes"));
        Assert.Equal(injection, await db.ExecuteScalarAsync<string>("SELECT supplier_name FROM invoices WHERE id = @id", new { id }));
        Assert.Equal(shortInjection, await db.ExecuteScalarAsync<string>("SELECT invoice_number FROM invoices WHERE id = @id", new { id }));
        Assert.Equal(injection, await db.ExecuteScalarAsync<string>("SELECT revoked_reason FROM licenses"));
        Assert.Contains("DROP TABLE tenants", await db.ExecuteScalarAsync<string>("SELECT file_name FROM invoices WHERE id = @id", new { id }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM licenses"));
    }
}
