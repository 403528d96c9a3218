using Backend.Core.Configuration;

namespace Backend.Core.Ocr;

/// <summary>
/// AWS Textract (section <c>Textract</c>). Credentials are an access key pair from configuration (Key Vault in Azure,
/// where no AWS role can be assumed) or, when those are empty, the AWS SDK's own credentials chain.
/// </summary>
public sealed class TextractSettings : ISettings
{
    public static string SectionName => "Textract";

    /// <summary>AWS region, e.g. <c>eu-west-3</c>. Empty disables Textract in <c>Ocr__Engine=auto</c>.</summary>
    public string Region { get; set; } = "";

    /// <summary>Access key id of the IAM user allowed to call Textract (and S3 for multi-page PDFs). Empty: the AWS chain.</summary>
    public string AccessKeyId { get; set; } = "";

    /// <summary>Secret of <see cref="AccessKeyId"/>.</summary>
    public string SecretAccessKey { get; set; } = "";

    /// <summary>Optional endpoint override (a VPC endpoint; the tests' fake server). Default: https://textract.{region}.amazonaws.com.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Bucket for multi-page PDFs, which Textract reads only from S3 (StartExpenseAnalysis).</summary>
    public string S3Bucket { get; set; } = "";

    /// <summary>Optional S3 endpoint override (path-style), e.g. the tests' fake server.</summary>
    public string S3Endpoint { get; set; } = "";

    /// <summary>Retries of a throttled or failed (5xx) call, with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Backoff before the first retry; doubles each time.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>Timeout of one HTTP call.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long to wait for an asynchronous (multi-page) analysis.</summary>
    public int AsyncTimeoutSeconds { get; set; } = 300;

    public int PollIntervalMilliseconds { get; set; } = 1000;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(AccessKeyId) != string.IsNullOrWhiteSpace(SecretAccessKey))
        {
            yield return $"Settings '{SettingName.Of(SectionName, nameof(AccessKeyId))}' and '{SettingName.Of(SectionName, nameof(SecretAccessKey))}' go together: set both or neither.";
        }
        if (Endpoint.Length > 0 && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(Endpoint))}' must be an absolute URL.";
        }
        if (S3Endpoint.Length > 0 && !Uri.TryCreate(S3Endpoint, UriKind.Absolute, out _))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(S3Endpoint))}' must be an absolute URL.";
        }
        if (MaxRetries is < 0 or > 10)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(MaxRetries))}' must be between 0 and 10.";
        }
        if (RetryBaseDelayMilliseconds is < 0 or > 60_000)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(RetryBaseDelayMilliseconds))}' must be between 0 and 60000.";
        }
        if (RequestTimeoutSeconds is < 1 or > 300)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(RequestTimeoutSeconds))}' must be between 1 and 300.";
        }
        if (AsyncTimeoutSeconds is < 1 or > 3600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(AsyncTimeoutSeconds))}' must be between 1 and 3600.";
        }
        if (PollIntervalMilliseconds is < 10 or > 60_000)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(PollIntervalMilliseconds))}' must be between 10 and 60000.";
        }
    }
}
