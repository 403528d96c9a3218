namespace Backend.Core.Ocr;

/// <summary>An OCR attempt failed for a reason worth telling the user; the message is stored as the invoice's error_message.</summary>
public sealed class OcrException(string message, bool isTransient = false, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when trying again may succeed (throttling, timeout, engine unavailable).</summary>
    public bool IsTransient { get; } = isTransient;
}
