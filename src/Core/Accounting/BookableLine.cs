namespace Backend.Core.Accounting;

/// <summary>An invoice line the analyzer may book on its own expense account (an e-invoice's lines, read exactly).</summary>
/// <param name="NetAmount">Signed like the invoice: a credit note's lines are negative.</param>
public sealed record BookableLine(string? Description, decimal NetAmount);
