namespace Backend.Core.Invoices.Contracts;

/// <summary>
/// A page of the tenant's invoices matching the filters, newest first; <paramref name="Counts"/> holds every status
/// of all the tenant's invoices (zero included), whatever the filters, for the counters above the list.
/// </summary>
public sealed record InvoiceListResponse(bool Success, IReadOnlyList<InvoiceSummary> Invoices, int Page, int PageSize, long Total,
    IReadOnlyDictionary<string, long> Counts);
