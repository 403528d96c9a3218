using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Backend.Tests.Reliability;
using Npgsql;
using Xunit.Abstractions;

namespace Backend.Tests.Licensing;

/// <summary>
/// Two SelfHost processes on one database, validate served from each one's in-memory license copy: a revocation
/// answered 200 by one instance is answered <c>LICENSE_REVOKED</c> by the other within a second, and never valid
/// after that — also once the database has been restarted under both (listeners reconnect, copies are re-read).
/// The delays go to <c>.local/revocation-delay.txt</c> for bench/README.md.
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class RevocationAcrossInstancesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_revocation_on_one_instance_reaches_the_other_within_a_second_also_after_a_database_restart()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var settings = new Dictionary<string, string>
        {
            ["Licensing__SigningPrivateKey"] = Convert.ToBase64String(signingKey.ExportPkcs8PrivateKey()),
            ["Licensing__AdminApiKey"] = adminKey,
            ["Database__CommandTimeoutSeconds"] = "5",
            ["Logging__LogLevel__Backend.Core.Licensing.LicenseStateSync"] = "Information",
        };
        var blobs = Directory.CreateTempSubdirectory("revocation-").FullName;
        await using var first = new SelfHostProcess(postgres.ConnectionString, Path.Combine(blobs, "a"), settings);
        await first.StartAsync(); // migrates; the second then starts on a ready schema
        await using var second = new SelfHostProcess(postgres.ConnectionString, Path.Combine(blobs, "b"), settings);
        await second.StartAsync();
        using var a = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var b = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        a.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        await WaitForLogAsync(second, "License state copy loaded", 1);

        var before = await MeasureRevocationAsync(a, b, second);
        output.WriteLine($"revocation delay, two instances: {before.TotalMilliseconds:F0} ms");

        await postgres.StopServerAsync();
        await postgres.StartServerAsync();
        // Both listeners lost their connection; each copy is read again in full before it answers anything.
        await WaitForLogAsync(second, "License state copy loaded", 2);
        await WaitForLogAsync(first, "License state copy loaded", 2);

        var after = await MeasureRevocationAsync(a, b, second);
        output.WriteLine($"revocation delay, after a database restart: {after.TotalMilliseconds:F0} ms");
        var report = Path.Combine(RepositoryRoot(), ".local", "revocation-delay.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        await File.WriteAllTextAsync(report,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: " +
            $"revoke 200 on one instance -> first LICENSE_REVOKED on the other: {before.TotalMilliseconds:F0} ms; after a database restart: {after.TotalMilliseconds:F0} ms\n");

        Assert.True(before <= MaxDelay, $"{before.TotalMilliseconds:F0} ms before the other instance answered LICENSE_REVOKED");
        Assert.True(after <= MaxDelay, $"{after.TotalMilliseconds:F0} ms before the other instance answered LICENSE_REVOKED, after the restart");
    }

    /// <summary>
    /// A fresh trial on the first instance, validated on the second until it answers valid (its copy holds the
    /// license), then revoked on the first while one client keeps validating on the second: the time from the
    /// revoke's 200 to the second's first LICENSE_REVOKED, and no valid answer after that one.
    /// </summary>
    private static async Task<TimeSpan> MeasureRevocationAsync(HttpClient a, HttpClient b, SelfHostProcess second)
    {
        var machine = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var key = await PollAsync("trial on the first instance", async () =>
        {
            using var trial = await a.PostAsJsonAsync("/api/v1/licenses/trial", new { machine_id = machine, email = $"r-{machine}@exemple.fr" });
            return trial.StatusCode == HttpStatusCode.Created ? (await Json.ReadAsync(trial)).GetProperty("license_key").GetString() : null;
        });
        await PollAsync("valid on the second instance", async () => await ValidateAsync(b, machine, key!) == "valid" ? "" : null);

        using var stop = new CancellationTokenSource();
        var answers = new List<(long At, string Answer)>();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await ValidateAsync(b, machine, key!);
                lock (answers)
                {
                    answers.Add((Stopwatch.GetTimestamp(), answer));
                }
            }
        });
        using (var revoke = await a.DeleteAsync($"/api/v1/admin/licenses/{machine}"))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }
        var revokedAt = Stopwatch.GetTimestamp();
        var deadline = revokedAt + 10 * Stopwatch.Frequency;
        int revokedCount;
        do
        {
            await Task.Yield();
            lock (answers)
            {
                revokedCount = answers.Count(x => x.At > revokedAt && x.Answer == "LICENSE_REVOKED");
            }
        }
        while (revokedCount < 50 && Stopwatch.GetTimestamp() < deadline);
        await stop.CancelAsync();
        await poller;

        var afterRevoke = answers.Where(x => x.At > revokedAt).ToList();
        var first = afterRevoke.FindIndex(x => x.Answer == "LICENSE_REVOKED");
        Assert.True(first >= 0, "the second instance never answered LICENSE_REVOKED: " + string.Join(", ", afterRevoke.Select(x => x.Answer).Distinct()) + "\n" + second.Log);
        var later = afterRevoke.Skip(first).Where(x => x.Answer != "LICENSE_REVOKED").Select(x => x.Answer).ToList();
        Assert.True(later.Count == 0, $"answers after the first LICENSE_REVOKED: {string.Join(", ", later)}");
        return Stopwatch.GetElapsedTime(revokedAt, afterRevoke[first].At);
    }

    /// <summary>"valid", the error code of an invalid answer, or the status of anything else.</summary>
    private static async Task<string> ValidateAsync(HttpClient client, string machine, string key)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/v1/licenses/validate", new { machine_id = machine, license_key = key });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var body = await Json.ReadAsync(response);
            return body.GetProperty("valid").GetBoolean() ? "valid" : body.GetProperty("error").GetString()!;
        }
        catch (HttpRequestException e)
        {
            return e.GetType().Name;
        }
    }

    private static async Task<string?> PollAsync(string what, Func<Task<string?>> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await attempt();
            if (result is not null)
            {
                return result;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{what}: no success within 60 s");
            await Task.Delay(50);
        }
    }

    private static Task WaitForLogAsync(SelfHostProcess process, string line, int times) =>
        PollAsync($"'{line}' {times} time(s) in the log", () =>
            Task.FromResult(CountOf(process.Log, line) >= times ? "" : null));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
