namespace Backend.Core.Accounting.Analysis;

/// <summary>How an invoice's entries were obtained, shown as <c>analysis</c> next to <c>accountingEntries</c>.</summary>
public sealed class InvoiceAnalysisView
{
    /// <summary>rules, claude, or user once edited.</summary>
    public string? Analyzer { get; init; }

    /// <summary>What the user should know: why Claude's answer was set aside, which default account was used.</summary>
    public string? Notes { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? AnalyzedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }
}
