namespace Backend.Core.Invoices.Extraction;

/// <summary>An amount found in a piece of text, with where it was and the currency written next to it.</summary>
internal sealed record MoneyAmount(decimal Value, int Start, int Length, string? Currency, bool HasDecimals);
