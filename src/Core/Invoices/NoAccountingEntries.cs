namespace Backend.Core.Invoices;

/// <summary>The reader used until the accounting feature registers its own.</summary>
public sealed class NoAccountingEntries : IAccountingEntriesReader
{
    public Task<IReadOnlyList<AccountingEntryView>> ReadAsync(Guid tenantId, Guid invoiceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccountingEntryView>>([]);
}
