namespace Backend.Core.Accounting;

/// <summary>The entries proposed for one invoice and how they were obtained.</summary>
/// <param name="Analyzer"><see cref="AnalyzerNames"/>: which analyzer produced the entries.</param>
/// <param name="Notes">What the user should know about the proposal (e.g. why Claude's answer was set aside); null when nothing.</param>
public sealed record AccountingProposal(IReadOnlyList<AccountingEntry> Entries, string Analyzer, string? Notes = null);
