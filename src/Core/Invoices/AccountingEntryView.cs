namespace Backend.Core.Invoices;

/// <summary>An accounting entry as the seed's invoice response shows it (dates ISO 8601, amounts as strings with two decimals).</summary>
public sealed record AccountingEntryView(string Id, string JournalCode, string EntryDate, string AccountNumber, string Label, string Debit, string Credit);
