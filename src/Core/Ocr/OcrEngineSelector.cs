using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

/// <summary>
/// Chooses the engine from <c>Ocr__Engine</c>: <c>auto</c> uses Textract once <c>Textract__Region</c> is configured
/// (credentials then come from <c>Textract__AccessKeyId</c> or the AWS chain), so local development and tests stay
/// offline by default.
/// </summary>
public static class OcrEngineSelector
{
    public static IOcrEngine Select(IServiceProvider services)
    {
        var engine = services.GetRequiredService<IOptions<OcrSettings>>().Value.Engine;
        var useTextract = engine switch
        {
            "textract" => true,
            "local" => false,
            _ => !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<TextractSettings>>().Value.Region),
        };
        return useTextract ? services.GetRequiredService<TextractOcrEngine>() : services.GetRequiredService<LocalOcrEngine>();
    }

    /// <summary>The engine's name in metrics: <c>textract</c>, <c>local</c>, or the type's name for a test double.</summary>
    public static string NameOf(IOcrEngine engine) => engine switch
    {
        TextractOcrEngine => "textract",
        LocalOcrEngine => "local",
        _ => engine.GetType().Name,
    };
}
