namespace Backend.Core.Invoices.Contracts;

/// <summary>Where one invoice stands, for the list's live refresh.</summary>
public sealed record InvoiceStateView(Guid Id, string Status, string UpdatedAt, string? ErrorMessage);
