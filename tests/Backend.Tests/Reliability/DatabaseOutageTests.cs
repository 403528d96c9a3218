using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Backend.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped and restarted under a validate/trial/activate load: outage requests get a quick 503 SERVER_ERROR,
/// the service recovers by itself within 5 s of the database returning, the pool leaks no connection, and no write is
/// half done. Stop/start cycles: <c>RELIABILITY_OUTAGE_CYCLES</c> (CI 1).
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private sealed record Sample(DateTime At, string Kind, int Status, string? Error, double Milliseconds);

    [Fact]
    public async Task Requests_during_an_outage_fail_fast_with_503_and_the_service_recovers_without_leaks_or_partial_writes()
    {
        var cycles = ReliabilityFigures.Scaled("RELIABILITY_OUTAGE_CYCLES", 1);
        await using var postgres = await ThrowawayPostgres.StartAsync();
        // Unpooled, so the test's own queries never reuse a connection the restart killed.
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString + ";Pooling=false");
        // The app's connections carry their own application name, so pg_stat_activity tells them apart from ours.
        await using var host = ReliabilityHost.Create(postgres.ConnectionString + ";Application Name=selfhost-under-test", dataSource, s => s["Database:CommandTimeoutSeconds"] = "5");

        var licenses = new List<(string Machine, string Key)>();
        for (var i = 0; i < 10; i++)
        {
            var machine = ReliabilityHost.NewMachineId();
            licenses.Add((machine, (await host.TrialAsync(machine)).GetProperty("license_key").GetString()!));
        }
        var codes = new ConcurrentQueue<string>(await host.CreateCodesAsync("annual", 365, 200));
        var connectionsBefore = await AppConnectionsAsync(dataSource);

        var samples = new ConcurrentQueue<Sample>();
        var trialsCreated = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        async Task WorkerAsync(int worker)
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var pick = random.Next(10);
                var (machine, key) = licenses[random.Next(licenses.Count)];
                string kind;
                object body;
                if (pick < 7)
                {
                    (kind, body) = ("validate", new { machine_id = machine, license_key = key });
                }
                else if (pick < 9)
                {
                    var fresh = ReliabilityHost.NewMachineId();
                    (kind, body) = ("trial", new { machine_id = fresh, email = $"o-{Guid.NewGuid():N}@exemple.fr" });
                }
                else
                {
                    codes.TryDequeue(out var code);
                    (kind, body) = ("activate", new { machine_id = ReliabilityHost.NewMachineId(), activation_code = code ?? "AAAA-AAAA-AAAA-AAAA", email = "a@exemple.fr" });
                }
                var watch = Stopwatch.StartNew();
                var (status, answer) = await host.PostJsonAsync($"/api/v1/licenses/{kind}", body);
                string? error = null;
                if ((int)status >= 400)
                {
                    ErrorEnvelope.Assert(status == HttpStatusCode.ServiceUnavailable ? HttpStatusCode.BadRequest : status, answer); // a 503 is expected here; check its envelope
                    error = JsonDocument.Parse(answer).RootElement.GetProperty("error").GetString();
                }
                samples.Enqueue(new Sample(DateTime.UtcNow, kind, (int)status, error, watch.Elapsed.TotalMilliseconds));
            }
        }

        var workers = Enumerable.Range(0, 4).Select(i => Task.Run(() => WorkerAsync(i))).ToArray();
        var recoveries = new List<double>();
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            await Task.Delay(700);
            var down = DateTime.UtcNow;
            await postgres.StopServerAsync();
            await Eventually.TrueAsync(() => Task.FromResult(samples.Any(s => s.At > down && s.Status == 503)), TimeSpan.FromSeconds(20), "a request fails during the outage");
            await Task.Delay(1500);
            await postgres.StartServerAsync();
            var up = DateTime.UtcNow;
            var firstOk = await Eventually.MatchAsync(() => Task.FromResult(samples.Where(s => s.At > up && s.Status == 200 && s.Kind == "validate").Select(s => (DateTime?)s.At).FirstOrDefault()),
                at => at is not null, TimeSpan.FromSeconds(30), "validate succeeds again");
            recoveries.Add((firstOk!.Value - up).TotalSeconds);
        }
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = samples.ToArray();
        var failures = all.Where(s => s.Status >= 500).ToArray();
        Assert.All(failures, s => Assert.Equal(503, s.Status));
        Assert.All(failures, s => Assert.Equal("SERVER_ERROR", s.Error));
        Assert.DoesNotContain(all, s => s.Status is not (200 or 201 or 404 or 409 or 503));
        var slowest = all.Max(s => s.Milliseconds);
        Assert.True(slowest < 10_000, $"a request took {slowest:F0} ms: bounded by the 3 s connect / 5 s command timeouts");
        Assert.All(recoveries, r => Assert.True(r <= 5, $"recovered {r:F1} s after the database returned"));

        // No leak: once the load stops every app connection is back in the pool, idle (none busy or stuck in a
        // transaction), and there are no more of them than before plus the load's concurrency.
        var (connectionsAfter, busyAfter) = await Eventually.MatchAsync(() => AppConnectionsAsync(dataSource), c => c.Busy == 0, TimeSpan.FromSeconds(10), "app connections go idle");
        Assert.True(connectionsAfter <= connectionsBefore.Total + 4 + 4, $"{connectionsAfter} app connections after, {connectionsBefore.Total} before");

        // No partial write: every license has its creation history row, every used code its license, and every
        // trial acknowledged with 201 is stored.
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM licenses l
            WHERE NOT EXISTS (SELECT 1 FROM activations a WHERE a.license_id = l.id AND a.action_type = 'trial_created')
              AND l.activation_code IS NULL
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM activation_codes c
            WHERE c.is_used <> EXISTS (SELECT 1 FROM licenses l WHERE l.activation_code = c.code)
            """));
        var licensesStored = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM licenses");
        var acknowledged = all.Count(s => s.Status == 201) + 10 + all.Count(s => s.Kind == "activate" && s.Status == 200);
        Assert.True(licensesStored >= acknowledged, $"{licensesStored} licenses stored for {acknowledged} acknowledged");
        var unknownOutcome = all.Count(s => s.Kind is "trial" or "activate" && s.Status == 503);
        Assert.True(licensesStored <= acknowledged + unknownOutcome, $"{licensesStored} licenses for {acknowledged} acknowledged + {unknownOutcome} in doubt");

        var byKind = all.GroupBy(s => s.Kind).Select(g => $"{g.Key} {g.Count()} ({string.Join("/", g.GroupBy(s => s.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Count()}"))})");
        var outage = all.Where(s => s.Status == 503).Select(s => s.Milliseconds).DefaultIfEmpty(0).ToArray();
        ReliabilityFigures.Record(output, "postgres outage",
            $"{cycles} stop/start cycle(s), {all.Length} requests: {string.Join(", ", byKind)}; 503 latency max {outage.Max():F0} ms, " +
            $"slowest request {slowest:F0} ms; recovery after restart {string.Join("/", recoveries.Select(r => r.ToString("F2")))} s; " +
            $"app connections before {connectionsBefore.Total} after {connectionsAfter} (busy after {busyAfter}); " +
            $"licenses {licensesStored} (acknowledged {acknowledged}, in doubt {unknownOutcome}); partial writes 0");
    }

    private static async Task<(int Total, int Busy)> AppConnectionsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(int, int)>("""
            SELECT count(*)::int, (count(*) FILTER (WHERE state <> 'idle'))::int
            FROM pg_stat_activity WHERE application_name = 'selfhost-under-test' AND backend_type = 'client backend'
            """);
    }
}
