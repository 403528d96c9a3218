namespace Backend.Core.Invoices.Extraction;

/// <summary>Text where a label's value may be: after it on its line, or in the cell below it.</summary>
/// <param name="Below">True when the text is under the label rather than beside it.</param>
internal sealed record ValueSpot(string Text, LayoutCell Cell, bool Below, int Distance, LayoutLine Line);
