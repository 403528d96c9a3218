namespace Backend.Core.Invoices;

/// <summary>
/// Where <c>GET /api/invoices/{id}</c> gets the invoice's accounting entries. The accounting feature registers its
/// own implementation (replacing <see cref="NoAccountingEntries"/>, which answers an empty list).
/// </summary>
public interface IAccountingEntriesReader
{
    Task<IReadOnlyList<AccountingEntryView>> ReadAsync(Guid tenantId, Guid invoiceId, CancellationToken cancellationToken);
}
