namespace Backend.Core.Accounting.Export;

/// <summary>One validated invoice as the export files need it.</summary>
/// <param name="EntryNumber">The entry's number in the export sequence (FEC EcritureNum, Sage N° pièce).</param>
/// <param name="PieceRef">The supplier's invoice number.</param>
/// <param name="ValidatedOn">When the user validated the entry (FEC ValidDate).</param>
public sealed record ExportInvoice(
    string EntryNumber,
    string PieceRef,
    DateOnly PieceDate,
    DateOnly ValidatedOn,
    string Currency,
    bool IsCreditNote,
    IReadOnlyList<AccountingEntry> Entries);
