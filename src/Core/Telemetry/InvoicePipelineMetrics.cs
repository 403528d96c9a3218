using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Backend.Core.Telemetry;

/// <summary>The invoice pipeline's business instruments: uploads, OCR attempts and their duration, analyses, exports.</summary>
public sealed class InvoicePipelineMetrics
{
    private readonly Counter<long> _uploads;
    private readonly Counter<long> _ocrAttempts;
    private readonly Histogram<double> _ocrDuration;
    private readonly Counter<long> _analyses;
    private readonly Counter<long> _proposals;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _exportedInvoices;

    public InvoicePipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _uploads = meter.CreateCounter<long>("easyfacture.invoice.uploads", "{invoice}", "Invoices taken in, by source (api, inbox).");
        _ocrAttempts = meter.CreateCounter<long>("easyfacture.ocr.attempts", "{attempt}",
            "OCR attempts by engine and outcome (completed, needsvalidation, retryscheduled, failed, claimlost, nothingtoclaim).");
        _ocrDuration = meter.CreateHistogram<double>("easyfacture.ocr.duration", "s", "Duration of one OCR attempt, by engine and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        _analyses = meter.CreateCounter<long>("easyfacture.ai.analyses", "{attempt}", "Accounting analysis attempts by outcome.");
        _proposals = meter.CreateCounter<long>("easyfacture.ai.proposals", "{proposal}",
            "Accounting proposals by the analyzer that produced them; fallback=true when Claude was configured but the rules answered.");
        _exports = meter.CreateCounter<long>("easyfacture.exports", "{batch}", "Sage/FEC export batches written.");
        _exportedInvoices = meter.CreateCounter<long>("easyfacture.exports.invoices", "{invoice}", "Invoices moved to EXPORTED by an export.");
    }

    public void Uploaded(string source) => _uploads.Add(1, new KeyValuePair<string, object?>("source", source));

    public void OcrAttempted(string engine, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "engine", engine }, { "outcome", outcome.ToLowerInvariant() } };
        _ocrAttempts.Add(1, tags);
        _ocrDuration.Record(duration.TotalSeconds, tags);
    }

    public void Analysed(string outcome) => _analyses.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToLowerInvariant()));

    public void Proposed(string configuredAnalyzer, string usedAnalyzer) =>
        _proposals.Add(1, new TagList { { "analyzer", usedAnalyzer }, { "fallback", configuredAnalyzer != usedAnalyzer } });

    public void Exported(int invoices)
    {
        _exports.Add(1);
        _exportedInvoices.Add(invoices);
    }
}
