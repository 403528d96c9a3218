namespace Backend.Core.Accounting.Contracts;

/// <summary>An earlier export batch with the links of its two files.</summary>
public sealed record ExportBatchView(Guid BatchId, string From, string To, int Count, int Lines, string CreatedAt, string SageUrl, string FecUrl);
