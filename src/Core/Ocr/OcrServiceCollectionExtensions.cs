using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Core.Ocr;

public static class OcrServiceCollectionExtensions
{
    /// <summary>The Textract typed client and engine; credentials from the AWS chain unless a test registers its own source.</summary>
    public static IServiceCollection AddTextractClient(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => AwsCredentialsSource.DefaultChain());
        services.AddHttpClient<TextractClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<TextractOcrEngine>();
        return services;
    }
}
