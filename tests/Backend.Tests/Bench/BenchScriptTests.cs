using System.Diagnostics;
using System.Text;
using Backend.Tests.Infrastructure;
using Backend.Tests.Reliability;
using Xunit.Abstractions;

namespace Backend.Tests.Bench;

/// <summary>
/// Every script in <c>bench/</c> runs here at a tiny size and must exit 0, so a benchmark that can no longer start
/// (a new required setting, a renamed test, a moved project) fails CI instead of rotting until someone needs its
/// figures. The scripts run as people run them (bash, their own builds and processes) against the suite's PostgreSQL;
/// the two that wrap tests of this suite run them without building (BENCH_TEST_ARGS) into a results directory of
/// their own. <see cref="Scripts"/> must name every script: a new one without a tiny size fails
/// <see cref="Every_bench_script_has_a_tiny_run"/>.
/// </summary>
[Collection(BenchScripts.Name)]
public sealed class BenchScriptTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    /// <summary>Script and its tiny arguments.</summary>
    public static TheoryData<string, string> Scripts => new()
    {
        { "license-validate.sh", "2 20" },
        { "accounting.sh", "20 1" },
        { "ocr-pipeline.sh", "2 1 1" },
        { "einvoice-pipeline.sh", "1 1" },
        { "extraction-accuracy.sh", "--count 2 --kind digital" },
        { "page-bombs.sh", "512 5" },
        { "reliability-drills.sh", "HostileInputRegressionTests" },
        { "reliability-soak.sh", "3" },
        { "memory-soak.sh", "3 10" },
        { "telemetry-cost.sh", "1 1 10" },
    };

    [Fact]
    public void Every_bench_script_has_a_tiny_run()
    {
        var listed = Scripts.Select(row => (string)row[0]).Order().ToList();
        var present = Directory.GetFiles(Path.Combine(Root, "bench"), "*.sh").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Runs_at_a_tiny_size(string script, string arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, "bench", script));
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BENCH_SELFHOST_DLL"] = SelfHostProcess.DllPath();
        start.Environment["BENCH_URL"] = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        start.Environment["BENCH_TEST_ARGS"] = "--no-build";
        // A tiny run proves the script works, not the load it can put: few connections, so the suite's own pools
        // and the bench's pgbench never exhaust the shared server's connections.
        start.Environment["BENCH_CONNECTIONS"] = "4";
        start.Environment["BENCH_WARMUP_ROUNDS"] = "2";
        start.Environment["BACKEND_TEST_RESULTS"] = Directory.CreateTempSubdirectory("bench-smoke-results-").FullName;
        var log = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.WaitForExit(); // drains the redirected outputs
        string text;
        lock (log)
        {
            text = log.ToString();
        }
        output.WriteLine($"bench/{script} {arguments}: exit {process.ExitCode} in {watch.Elapsed.TotalSeconds:F0} s\n{text}");
        Assert.True(process.ExitCode == 0, $"bench/{script} {arguments} exited {process.ExitCode} after {watch.Elapsed.TotalSeconds:F0} s:\n{Tail(text)}");

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (log)
                {
                    log.AppendLine(line);
                }
            }
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }
}
