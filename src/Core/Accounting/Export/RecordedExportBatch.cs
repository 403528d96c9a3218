namespace Backend.Core.Accounting.Export;

/// <summary>One row of <c>export_batches</c> as Dapper reads it.</summary>
public sealed class RecordedExportBatch
{
    public Guid Id { get; init; }
    public DateOnly PeriodFrom { get; init; }
    public DateOnly PeriodTo { get; init; }
    public int InvoiceCount { get; init; }
    public int LineCount { get; init; }
    public string SageBlob { get; init; } = "";
    public string FecBlob { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
