namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// A run of words on one line with no wide gap inside: one column of a row. Left/Right are in the page's
/// own units (characters for pdftotext -layout, pixels for Tesseract boxes).
/// </summary>
internal sealed record LayoutCell(string Text, double Left, double Right, double Confidence)
{
    public string Folded { get; } = TextFold.Fold(Text);

    public bool OverlapsHorizontally(LayoutCell other, double tolerance) =>
        Left - tolerance <= other.Right && other.Left <= Right + tolerance;
}
