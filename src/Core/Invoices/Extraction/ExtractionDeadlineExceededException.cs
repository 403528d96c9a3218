namespace Backend.Core.Invoices.Extraction;

/// <summary>Field extraction ran out of its work or time budget: the text is not an invoice a person would write (or is built to stall the reader).</summary>
public sealed class ExtractionDeadlineExceededException(TimeSpan elapsed, long work)
    : Exception($"Field extraction stopped after {elapsed.TotalSeconds:0.0} s and {work} work units.")
{
    public TimeSpan Elapsed { get; } = elapsed;

    public long Work { get; } = work;
}
