using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Dapper;
using Xunit.Abstractions;

namespace Backend.Tests.Reliability;

/// <summary>
/// Mixed traffic against SelfHost as a real process — validate, heartbeat, trial, uploads and inbox drops — for
/// <c>RELIABILITY_SOAK_SECONDS</c> (CI 20; bench/reliability-soak.sh runs 600): no 5xx, every invoice final,
/// p50/p99 per endpoint and RSS growth reported.
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class SoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Mixed_traffic_gives_no_5xx_and_every_invoice_reaches_a_final_state()
    {
        var seconds = ReliabilityFigures.Scaled("RELIABILITY_SOAK_SECONDS", 20);
        var blobRoot = Directory.CreateTempSubdirectory("reliability-soak-").FullName;
        await using var selfHost = new SelfHostProcess(_database.ConnectionString, blobRoot);
        await selfHost.StartAsync();
        using var client = new HttpClient { BaseAddress = selfHost.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var tenantKey = await KillRestartTests.CreateTenantAsync(client, selfHost.AdminApiKey);
        string tenantId;
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            tenantId = (await connection.ExecuteScalarAsync<Guid>("SELECT id FROM tenants")).ToString();
        }

        var licenses = new ConcurrentBag<(string Machine, string Key)>();
        var latencies = new ConcurrentDictionary<string, ConcurrentQueue<double>>();
        var statuses = new ConcurrentDictionary<string, int>();
        var uploaded = new ConcurrentBag<Guid>();
        var drops = 0;
        var rss = new List<long> { selfHost.ResidentBytes() };

        async Task<(HttpStatusCode, string)> CallAsync(string name, HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ReliabilityHost.NewClientAddress());
            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            latencies.GetOrAdd(name, _ => new()).Enqueue(watch.Elapsed.TotalMilliseconds);
            statuses.AddOrUpdate($"{name} {(int)response.StatusCode}", 1, (_, n) => n + 1);
            return (response.StatusCode, body);
        }

        async Task TrialAsync()
        {
            var machine = ReliabilityHost.NewMachineId();
            var (status, body) = await CallAsync("trial", new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/trial")
            {
                Content = JsonContent.Create(new { machine_id = machine, email = $"s-{Guid.NewGuid():N}@exemple.fr", product = "easyfacture", version = "1.6.0" }),
            });
            if (status == HttpStatusCode.Created)
            {
                licenses.Add((machine, JsonDocument.Parse(body).RootElement.GetProperty("license_key").GetString()!));
            }
        }
        for (var i = 0; i < 20; i++)
        {
            await TrialAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        async Task LicenseWorkerAsync(int seed)
        {
            var random = new Random(seed);
            while (DateTime.UtcNow < deadline)
            {
                var pick = random.Next(100);
                var (machine, key) = licenses.ElementAt(random.Next(licenses.Count));
                if (pick < 80)
                {
                    await CallAsync("validate", new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/validate") { Content = JsonContent.Create(new { machine_id = machine, license_key = key }) });
                }
                else if (pick < 95)
                {
                    await CallAsync("heartbeat", new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/heartbeat")
                    {
                        Content = JsonContent.Create(new { machine_id = machine, license_key = key, app_version = "1.6.0", os_info = "Windows 11" }),
                    });
                }
                else
                {
                    await TrialAsync();
                }
            }
        }
        async Task InvoiceWorkerAsync(int seed)
        {
            var random = new Random(seed);
            var inbox = Directory.CreateDirectory(Path.Combine(blobRoot, "inbox", tenantId)).FullName;
            while (DateTime.UtcNow < deadline)
            {
                var pdf = TestFiles.TextPdf(1, $"FACTURE N S-{random.Next(100000)} Total TTC {random.Next(10, 999)},00 EUR");
                if (random.Next(3) == 0)
                {
                    var name = $"soak-{seed}-{Guid.NewGuid():N}.pdf";
                    await File.WriteAllBytesAsync(Path.Combine(inbox, name + ".part"), pdf);
                    File.Move(Path.Combine(inbox, name + ".part"), Path.Combine(inbox, name));
                    Interlocked.Increment(ref drops);
                }
                else
                {
                    var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "soak.pdf" } };
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = form };
                    request.Headers.Add("X-Api-Key", tenantKey);
                    var (status, body) = await CallAsync("upload", request);
                    if (status == HttpStatusCode.Created)
                    {
                        uploaded.Add(JsonDocument.Parse(body).RootElement.GetProperty("invoiceId").GetGuid());
                    }
                }
                await Task.Delay(random.Next(100, 400));
            }
        }
        async Task SampleMemoryAsync()
        {
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000);
                rss.Add(selfHost.ResidentBytes());
            }
        }

        try
        {
            var load = Enumerable.Range(0, 3).Select(i => Task.Run(() => LicenseWorkerAsync(i)))
                .Append(Task.Run(() => InvoiceWorkerAsync(100))).Append(Task.Run(() => InvoiceWorkerAsync(101)))
                .Append(Task.Run(SampleMemoryAsync)).ToArray();
            await Task.WhenAll(load);

            await using var db = await _database.DataSource.OpenConnectionAsync();
            var expected = uploaded.Count + drops;
            // Drops become invoices only after the scanner sees them, so count what the inbox produced too.
            await Eventually.TrueAsync(async () => await db.ExecuteScalarAsync<int>(
                    "SELECT count(*) FROM invoices WHERE status IN ('OCR_COMPLETED', 'PENDING_VALIDATION', 'OCR_FAILED')") == expected,
                TimeSpan.FromSeconds(180), $"all {expected} invoices reach a final state");
            var failed = await db.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices WHERE status = 'OCR_FAILED'");
            rss.Add(selfHost.ResidentBytes());

            var serverErrors = statuses.Where(s => s.Key.Split(' ')[1].StartsWith('5')).Sum(s => s.Value);
            Assert.Equal(0, serverErrors);
            Assert.Equal(0, failed);
            var total = latencies.Values.Sum(q => q.Count);
            string Percentiles(string name)
            {
                var sorted = latencies[name].Order().ToArray();
                return $"{name} n={sorted.Length} p50={sorted[sorted.Length / 2]:F1} ms p99={sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))]:F1} ms";
            }
            ReliabilityFigures.Record(output, $"soak {seconds} s",
                $"{total} requests ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}), 5xx {serverErrors}; " +
                string.Join("; ", latencies.Keys.Order().Select(Percentiles)) +
                $"; invoices {expected} ({uploaded.Count} uploads + {drops} drops), all final, OCR_FAILED {failed}; " +
                $"RSS start {rss[0] / 1048576} MB, max {rss.Max() / 1048576} MB, end {rss[^1] / 1048576} MB (growth {(rss[^1] - rss[0]) / 1048576} MB)");
        }
        catch
        {
            output.WriteLine(selfHost.Log);
            throw;
        }
        finally
        {
            await selfHost.KillAsync();
            Directory.Delete(blobRoot, recursive: true);
        }
    }
}
