namespace Backend.Core.Ocr;

/// <summary>An error answered by Textract: its <c>__type</c> (e.g. ThrottlingException) and HTTP status.</summary>
public sealed class TextractException(string errorType, int statusCode, string? message)
    : Exception($"Textract {statusCode} {errorType}: {message}")
{
    public string ErrorType { get; } = errorType;

    public int StatusCode { get; } = statusCode;

    public bool IsRetryable =>
        StatusCode >= 500
        || ErrorType is "ThrottlingException" or "ProvisionedThroughputExceededException" or "LimitExceededException"
            or "InternalServerError" or "ServiceUnavailableException";
}
