namespace Backend.Core.Invoices.Extraction;

/// <summary>What a label in the document announces.</summary>
internal enum LabelKind
{
    AmountHt,
    AmountTva,
    AmountTtc,
    InvoiceNumber,
    InvoiceDate,
    DueDate,
    Supplier,
    Client,
    /// <summary>Labels that are not wanted but must stop the value region of a wanted one (dates of delivery, order numbers...).</summary>
    Other,
}
