using Backend.Core.Configuration;

namespace Backend.Core.Ocr;

public sealed class OcrSettings : ISettings
{
    public static string SectionName => "Ocr";

    /// <summary><c>auto</c> (Textract when AWS credentials and a region are configured, else local), <c>local</c> or <c>textract</c>.</summary>
    public string Engine { get; set; } = "auto";

    /// <summary>Longest run of one local tool (pdftotext, pdftoppm, tesseract on one page).</summary>
    public int LocalTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Address space of one local tool (pdftotext, pdfinfo, pdftoppm, tesseract), set with prlimit; its CPU time is
    /// capped at <see cref="LocalTimeoutSeconds"/>. A document that needs more fails at once, permanently.
    /// </summary>
    public int LocalMaxMemoryMegabytes { get; set; } = 1024;

    /// <summary>Pages read per document; later pages are ignored (a supplier invoice rarely has more).</summary>
    public int MaxPages { get; set; } = 10;

    /// <summary>Tesseract languages.</summary>
    public string TesseractLanguages { get; set; } = "fra+eng";

    public IEnumerable<string> Validate()
    {
        if (Engine is not ("auto" or "local" or "textract"))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(Engine))}' must be auto, local or textract.";
        }
        if (LocalTimeoutSeconds is < 1 or > 600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(LocalTimeoutSeconds))}' must be between 1 and 600.";
        }
        if (LocalMaxMemoryMegabytes is < 256 or > 65536)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(LocalMaxMemoryMegabytes))}' must be between 256 and 65536.";
        }
        if (MaxPages is < 1 or > 100)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(MaxPages))}' must be between 1 and 100.";
        }
        if (string.IsNullOrWhiteSpace(TesseractLanguages) || !TesseractLanguages.All(c => char.IsAsciiLetterLower(c) || c is '+' or '_'))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(TesseractLanguages))}' must look like fra+eng.";
        }
    }
}
