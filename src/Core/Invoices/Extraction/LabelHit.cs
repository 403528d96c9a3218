namespace Backend.Core.Invoices.Extraction;

/// <summary>A label found in a cell, at [Start, End) of the cell's text.</summary>
internal sealed record LabelHit(LabelRule Rule, LayoutLine Line, int CellIndex, int Start, int End)
{
    public LabelKind Kind => Rule.Kind;
    public LayoutCell Cell => Line.Cells[CellIndex];
}
