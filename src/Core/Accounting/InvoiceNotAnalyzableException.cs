namespace Backend.Core.Accounting;

/// <summary>
/// The invoice cannot be booked as it stands (missing date or amounts, HT + TVA ≠ TTC). Retrying does not help;
/// the user corrects the fields. The message is French and safe to show to the user.
/// </summary>
public sealed class InvoiceNotAnalyzableException(string message) : Exception(message);
