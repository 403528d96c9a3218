using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

/// <summary>
/// Chooses the engine from <c>Ocr__Engine</c>: <c>auto</c> uses Textract only where AWS credentials are visible without
/// a network probe (environment variables, a shared profile, web identity or container credentials) and a region is
/// configured, so local development and tests stay offline by default.
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
            _ => !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<TextractSettings>>().Value.Region) && AwsCredentialsVisible(),
        };
        return useTextract ? services.GetRequiredService<TextractOcrEngine>() : services.GetRequiredService<LocalOcrEngine>();
    }

    private static bool AwsCredentialsVisible()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")))
        {
            return true;
        }
        var profile = Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default";
        return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out AWSCredentials _);
    }
}
