using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Core.Telemetry;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;
using Backend.Tests.Ocr;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Backend.Tests.Telemetry;

/// <summary>
/// One invoice on SelfHost with the real queue, pdftotext and the rules analyzer: the upload, its OCR job and its
/// analysis job are one trace (the W3C context travels in <c>job_queue.trace_parent</c>), and the pipeline's counters move.
/// </summary>
public sealed class InvoicePipelineTelemetryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly SpanCollection _spans = new();
    private InvoiceTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        // Every trace: the production default (0.1) would record this upload's trace one time in ten.
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource, aiAnalysis: true,
            settings: s => s["Telemetry:TraceSampleRatio"] = "1",
            services: s => s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Upload_ocr_job_and_analysis_job_are_one_trace_and_the_pipeline_counters_move()
    {
        using var recorder = new MeterRecorder(_host.Services.GetRequiredService<IMeterFactory>());
        var (_, apiKey) = await _host.CreateTenantAsync();
        // The client starts the trace, as a browser or the desktop app with OpenTelemetry would.
        var traceId = ActivityTraceId.CreateRandom();
        var clientSpan = ActivitySpanId.CreateRandom();

        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "facture.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = form };
        request.Headers.Add("X-Api-Key", apiKey);
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpan}-01");
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("invoiceId").GetGuid();

        var analysed = await _host.WaitForStatusAsync(apiKey, id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed, InvoiceStatus.PendingValidation);
        Assert.Equal(InvoiceStatus.AiCompleted, analysed.GetProperty("status").GetString());

        // The analysis span ends before the job is completed; the status is visible a moment before that.
        var trace = await Eventually.MatchAsync(() => Task.FromResult(SpansOf(traceId)),
            spans => spans.Any(s => s.DisplayName == $"{QueueNames.AiAnalysis} process"), TimeSpan.FromSeconds(10), "the analysis span is exported");
        var upload = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is string route && route.EndsWith("invoices", StringComparison.Ordinal) && s.ParentSpanId == clientSpan);
        var ocr = Assert.Single(trace, s => s.DisplayName == $"{QueueNames.OcrJobs} process");
        var analysis = Assert.Single(trace, s => s.DisplayName == $"{QueueNames.AiAnalysis} process");
        Assert.Equal(ActivityKind.Consumer, ocr.Kind);
        Assert.Equal(upload.SpanId, ocr.ParentSpanId);
        Assert.Equal(ocr.SpanId, analysis.ParentSpanId);
        // Npgsql's spans join the same trace: the OCR job's queries are under its span.
        Assert.Contains(trace, s => s.Source.Name == TelemetryNames.Npgsql && s.ParentSpanId == ocr.SpanId);

        Assert.Equal(1, recorder.Total("easyfacture.invoice.uploads", "source=api"));
        Assert.Equal(1, recorder.Total("easyfacture.ocr.attempts", "engine=local", "outcome=completed"));
        Assert.Equal(1, recorder.Count("easyfacture.ocr.duration", "engine=local"));
        Assert.Equal(1, recorder.Total("easyfacture.ai.analyses", "outcome=completed"));
        Assert.Equal(1, recorder.Total("easyfacture.ai.proposals", "analyzer=rules", "fallback=false"));

        using (var validate = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", apiKey, new { }))
        {
            Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        }
        using var export = await _host.SendAsync(HttpMethod.Post, "/api/sage/export", apiKey);
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        Assert.Equal(1, recorder.Total("easyfacture.exports"));
        Assert.Equal(1, recorder.Total("easyfacture.exports.invoices"));
    }

    private List<Activity> SpansOf(ActivityTraceId traceId) => _spans.Where(s => s.TraceId == traceId);
}
