namespace Backend.Core.Accounting.Export;

/// <summary>The outcome of one export: the batch recorded, its files, and what was left out and why.</summary>
/// <param name="Count">Invoices moved to EXPORTED by this export.</param>
/// <param name="Skipped">Validated invoices of the period left as they are, with the reason (French).</param>
public sealed record ExportBatch(
    Guid Id,
    DateOnly From,
    DateOnly To,
    int Count,
    int Lines,
    string SageBlob,
    string FecBlob,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Warnings);
