namespace Backend.Core.Ocr;

/// <summary>
/// A rectangle on one page of the original document, as fractions (0–1) of the page's width and height from its
/// top-left corner, whatever the engine's own units: a browser draws it over the rendered page at any zoom.
/// </summary>
/// <param name="Page">1-based page number.</param>
public sealed record PageBox(int Page, double Left, double Top, double Width, double Height)
{
    /// <summary>A box in the engine's units on a page of that size, clamped to the page; null when the page size is unknown.</summary>
    public static PageBox? FromUnits(int page, double left, double top, double right, double bottom, double pageWidth, double pageHeight)
    {
        if (pageWidth <= 0 || pageHeight <= 0 || right <= left || bottom <= top)
        {
            return null;
        }
        var l = Math.Clamp(left / pageWidth, 0, 1);
        var t = Math.Clamp(top / pageHeight, 0, 1);
        var r = Math.Clamp(right / pageWidth, 0, 1);
        var b = Math.Clamp(bottom / pageHeight, 0, 1);
        return new PageBox(page, Math.Round(l, 4), Math.Round(t, 4), Math.Round(r - l, 4), Math.Round(b - t, 4));
    }
}
