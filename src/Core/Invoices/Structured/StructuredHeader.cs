namespace Backend.Core.Invoices.Structured;

/// <summary>The header fields both syntaxes give, as written in the XML.</summary>
internal sealed record StructuredHeader(
    string? Number,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    string Currency,
    string? SupplierName,
    string? SupplierVat,
    string? SupplierSiren,
    string? SupplierSiret,
    string? SupplierAddress);
