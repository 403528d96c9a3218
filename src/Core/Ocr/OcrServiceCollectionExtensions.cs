using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

public static class OcrServiceCollectionExtensions
{
    /// <summary>
    /// The Textract typed client and engine; credentials from the configured key pair, else the AWS chain,
    /// unless a test registers its own source.
    /// </summary>
    public static IServiceCollection AddTextractClient(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => AwsCredentialsSource.From(sp.GetRequiredService<IOptions<TextractSettings>>().Value));
        services.AddHttpClient<TextractClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<TextractOcrEngine>();
        return services;
    }
}
