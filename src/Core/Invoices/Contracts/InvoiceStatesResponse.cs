namespace Backend.Core.Invoices.Contracts;

/// <summary>
/// The states of the asked invoices that belong to the tenant (unknown ids are simply absent) and the tenant's
/// counts by status: one cheap query pair a page can poll while uploads are in flight.
/// </summary>
public sealed record InvoiceStatesResponse(bool Success, IReadOnlyList<InvoiceStateView> Invoices, IReadOnlyDictionary<string, long> Counts);
