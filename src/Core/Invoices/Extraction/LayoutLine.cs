namespace Backend.Core.Invoices.Extraction;

/// <summary>One visual row of a page, its cells left to right.</summary>
/// <param name="Index">Position of the row in the whole document, top to bottom, page after page.</param>
/// <param name="Top">Vertical position in the page's units.</param>
internal sealed record LayoutLine(int Page, int Index, double Top, IReadOnlyList<LayoutCell> Cells)
{
    public string Text { get; } = string.Join("   ", Cells.Select(c => c.Text));
    public string Folded { get; } = TextFold.Fold(string.Join("   ", Cells.Select(c => c.Text)));
}
