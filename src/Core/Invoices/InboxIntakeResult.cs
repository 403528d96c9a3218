namespace Backend.Core.Invoices;

/// <param name="IsNew">False when the drop had already been taken in (a redelivered event or a rescan).</param>
public sealed record InboxIntakeResult(Guid? InvoiceId, string Outcome, bool IsNew);
