namespace Backend.Core.Ocr;

/// <summary>Reads an invoice file. Textract in the cloud, pdftotext/Tesseract offline.</summary>
public interface IOcrEngine
{
    /// <param name="content">The whole file.</param>
    /// <param name="mediaType">application/pdf, image/png, image/jpeg or image/tiff, detected from magic bytes.</param>
    /// <exception cref="OcrException">The document cannot be read (corrupt, encrypted, no text, engine failure); its message is safe to store and show.</exception>
    Task<OcrResult> ReadAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken);
}
