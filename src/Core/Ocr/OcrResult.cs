namespace Backend.Core.Ocr;

/// <summary>
/// What an OCR engine read from one document, in a shape independent of the engine.
/// Confidences are 0–1 (Textract's 0–100 is normalised by its engine).
/// </summary>
/// <param name="Engine">"textract", "pdftotext" or "tesseract".</param>
/// <param name="Text">The whole text, pages separated by form feeds; encrypted at rest.</param>
/// <param name="Confidence">The engine's own confidence in what it read.</param>
/// <param name="Pages">Per-page text and, when the engine gives them, positioned words.</param>
/// <param name="EngineFields">Fields the engine itself recognised (Textract's SummaryFields); empty for local OCR.</param>
/// <param name="RawJson">The engine's raw output as JSON; encrypted at rest, never returned by the API.</param>
public sealed record OcrResult(
    string Engine,
    string Text,
    double Confidence,
    IReadOnlyList<OcrPage> Pages,
    IReadOnlyList<OcrField> EngineFields,
    string RawJson);

/// <param name="Number">1-based.</param>
/// <param name="Words">Positioned words (Tesseract TSV, Textract WORD blocks); empty for a PDF text layer.</param>
public sealed record OcrPage(int Number, string Text, IReadOnlyList<OcrWord> Words)
{
    /// <summary>The page's width in the units of its words' boxes (pixels, thousandths, hundredths of a point); 0: unknown.</summary>
    public double Width { get; init; }

    /// <summary>The page's height in the units of its words' boxes; 0: unknown.</summary>
    public double Height { get; init; }

    /// <summary>
    /// A PDF text layer's words with their boxes (<c>pdftotext -bbox</c>), kept apart from <see cref="Words"/> so the
    /// extraction still reads the <c>-layout</c> text it is tuned for: these only tell where a value sits on the page.
    /// </summary>
    public IReadOnlyList<OcrWord> TextLayerWords { get; init; } = [];
}

/// <summary>A word with its box in page pixels and its line/block numbers, as Tesseract's TSV gives them.</summary>
public sealed record OcrWord(string Text, double Confidence, int Left, int Top, int Width, int Height, int Block, int Line);

/// <summary>A field the engine recognised, e.g. Textract's <c>TOTAL</c> with label "Total TTC".</summary>
/// <param name="Type">The engine's field type (Textract: VENDOR_NAME, INVOICE_RECEIPT_ID, TOTAL, TAX, ...).</param>
public sealed record OcrField(string Type, string? Label, string Value, double Confidence, int PageNumber)
{
    /// <summary>Where the engine read the value (Textract's ValueDetection geometry), or null.</summary>
    public PageBox? Box { get; init; }
}
