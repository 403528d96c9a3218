namespace Backend.Core.Accounting;

/// <summary>
/// One line of a journal entry. Exactly one of <see cref="Debit"/> and <see cref="Credit"/> is non-zero;
/// both are positive amounts with at most two decimals.
/// </summary>
/// <param name="AccountNumber">A PCG account padded to the configured length, e.g. <c>60100000</c>.</param>
public sealed record AccountingEntry(
    string JournalCode,
    DateOnly EntryDate,
    string AccountNumber,
    string Label,
    decimal Debit,
    decimal Credit);
