using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Backend.Core.Ocr;

/// <summary>
/// AWS credentials for the Textract client: the configured access key pair, else the SDK's chain (environment, profile, web identity, container,
/// instance metadata), resolved on first use; the resolved object refreshes temporary credentials itself.
/// </summary>
public sealed class AwsCredentialsSource(Func<AWSCredentials> resolve)
{
    private readonly Lazy<AWSCredentials> _credentials = new(resolve);

    public static AwsCredentialsSource From(TextractSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.AccessKeyId)
            ? new(() => new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey))
            : new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));

    public AWSCredentials Credentials => _credentials.Value;

    public Task<ImmutableCredentials> GetAsync() => _credentials.Value.GetCredentialsAsync();
}
