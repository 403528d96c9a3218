namespace Backend.Core.Accounting.Contracts;

/// <summary>The tenant's export batches, newest first (snake_case, as the export answer).</summary>
public sealed record ExportBatchListResponse(bool Success, IReadOnlyList<ExportBatchView> Batches, int Page, int PageSize, long Total);
