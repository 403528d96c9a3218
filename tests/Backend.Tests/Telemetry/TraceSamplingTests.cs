using System.Diagnostics;
using Backend.Core.Configuration;
using Backend.Core.Jobs;
using Backend.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Backend.Tests.Telemetry;

/// <summary><c>Telemetry__TraceSampleRatio</c>: decided at a trace's root, followed by the jobs under it (parent-based).</summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class TraceSamplingTests
{
    private const string SampledParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private const string UnsampledParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

    [Theory]
    [InlineData("1", null, 20)]
    [InlineData("0", null, 0)]
    [InlineData("0", SampledParent, 20)]
    [InlineData("1", UnsampledParent, 0)]
    public void Job_spans_follow_the_ratio_at_the_root_and_their_parent_s_decision_below_it(string ratio, string? traceParent, int expected)
    {
        var spans = new SpanCollection();
        using var services = Services(ratio, spans);
        var tracer = services.GetRequiredService<TracerProvider>();

        var run = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 20; i++)
        {
            using var activity = JobTracing.StartProcessing("ocr-jobs", new JobMessage($"{run}-{i}", "{}", 1, traceParent));
        }
        tracer.ForceFlush();

        Assert.Equal(expected, Ours(spans, run));
    }

    [Fact]
    public void A_ratio_keeps_about_that_share_of_root_traces()
    {
        var spans = new SpanCollection();
        using var services = Services("0.25", spans);
        var tracer = services.GetRequiredService<TracerProvider>();

        var run = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 2000; i++)
        {
            using var activity = JobTracing.StartProcessing("ocr-jobs", new JobMessage($"{run}-{i}", "{}", 1));
        }
        tracer.ForceFlush();

        // Random trace ids: 500 expected, far outside this band only if the ratio is not applied.
        Assert.InRange(Ours(spans, run), 380, 620);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void A_ratio_outside_0_to_1_is_refused(string ratio)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = ratio }).Build();

        var problems = configuration.GetSection(TelemetrySettings.SectionName).Get<TelemetrySettings>()!.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("Telemetry__TraceSampleRatio", StringComparison.Ordinal));
    }

    /// <summary>Listeners are process-wide: spans of other tests' jobs reach this provider too, so count this test's only.</summary>
    private static int Ours(SpanCollection spans, string run) =>
        spans.Where(span => span.GetTagItem("messaging.message.id") is string id && id.StartsWith(run, StringComparison.Ordinal)).Count;

    private static ServiceProvider Services(string ratio, SpanCollection spans)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = ratio }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddBackendTelemetry(configuration);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        return services.BuildServiceProvider();
    }
}
