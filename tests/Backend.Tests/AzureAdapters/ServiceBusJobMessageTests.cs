using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Functions.Azure;
using Backend.Tests.Licensing;

namespace Backend.Tests.AzureAdapters;

/// <summary>The message <see cref="ServiceBusJobQueue"/> sends, checked without a broker.</summary>
public sealed class ServiceBusJobMessageTests
{
    private static readonly Guid Invoice = Guid.Parse("6f1c2a53-9d7e-4b1a-8c55-0c2e3f4a5b6c");
    private static readonly Guid Tenant = Guid.Parse("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_job_sent_again_gets_the_same_message_id_so_duplicate_detection_drops_it()
    {
        var body = new OcrJob(Invoice, Guid.NewGuid()).ToJson();

        var first = ServiceBusJobMessage.Build(QueueNames.OcrJobs, body, TimeSpan.Zero, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromSeconds(7));
        var again = ServiceBusJobMessage.Build(QueueNames.OcrJobs, body, TimeSpan.Zero, _clock.GetUtcNow());

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.StartsWith("ocr-jobs:", first.MessageId, StringComparison.Ordinal);
        Assert.InRange(first.MessageId.Length, 1, 128);
    }

    [Fact]
    public void Each_attempt_of_a_job_and_each_queue_is_a_different_message()
    {
        // The OCR retry ladder sends the same invoice with a new token per attempt; the analysis chain names its OCR run,
        // its retry, or its deferral while another delivery holds the invoice.
        var ocrToken = Guid.NewGuid();
        string[] ocrBodies = [new OcrJob(Invoice, ocrToken).ToJson(), new OcrJob(Invoice, Guid.NewGuid()).ToJson(), new OcrJob(Invoice, Guid.NewGuid()).ToJson()];
        string[] analysisBodies =
        [
            new AiAnalysisJob(Invoice, Tenant, ocrToken).ToJson(),
            new AiAnalysisJob(Invoice, Tenant, Guid.NewGuid()).ToJson(),
            new AnalysisJob(Invoice, Tenant, RetryToken: Guid.NewGuid()).ToJson(),
            new AnalysisJob(Invoice, Tenant, Deferral: Guid.NewGuid()).ToJson(),
            new AnalysisJob(Invoice, Tenant, Deferral: Guid.NewGuid()).ToJson(),
        ];
        var ids = ocrBodies.Select(b => ServiceBusJobMessage.IdOf(QueueNames.OcrJobs, b))
            .Concat(analysisBodies.Select(b => ServiceBusJobMessage.IdOf(QueueNames.AiAnalysis, b)))
            .Append(ServiceBusJobMessage.IdOf(QueueNames.AiAnalysis, ocrBodies[0]))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_analysis_jobs_still_read_the_fields_that_only_name_the_attempt()
    {
        var sent = new AiAnalysisJob(Invoice, Tenant, Guid.NewGuid()).ToJson();
        Assert.Equal(new AnalysisJob(Invoice, Tenant), AnalysisJob.TryParse(sent));

        var deferred = new AnalysisJob(Invoice, Tenant, Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(deferred, AnalysisJob.TryParse(deferred.ToJson()));
    }

    [Fact]
    public void The_body_is_the_job_as_JSON_and_an_immediate_job_has_no_schedule()
    {
        var body = new OcrJob(Invoice, Guid.NewGuid()).ToJson();

        var message = ServiceBusJobMessage.Build(QueueNames.OcrJobs, body, TimeSpan.Zero, _clock.GetUtcNow());

        Assert.Equal(body, message.Body.ToString());
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(default, message.ScheduledEnqueueTime);
        Assert.Equal(new OcrJob(Invoice, OcrJob.TryParse(body)!.Token), OcrJob.TryParse(message.Body.ToString()));
    }

    [Fact]
    public void A_delay_becomes_the_scheduled_enqueue_time_from_the_clock()
    {
        _clock.Advance(TimeSpan.FromDays(-3));
        var now = _clock.GetUtcNow();

        var message = ServiceBusJobMessage.Build(QueueNames.OcrJobs, new OcrJob(Invoice, Guid.NewGuid()).ToJson(), TimeSpan.FromSeconds(60), now);

        Assert.Equal(now.AddSeconds(60), message.ScheduledEnqueueTime);
    }
}
