namespace Backend.Core.Invoices;

public sealed class InvalidInvoiceTransitionException(InvoiceTransition transition, string current)
    : InvalidOperationException($"Transition {transition.Name} ({string.Join("|", transition.From)} → {transition.To}) is not allowed from {current}.")
{
    public InvoiceTransition Transition { get; } = transition;

    public string Current { get; } = current;
}
