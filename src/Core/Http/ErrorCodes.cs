namespace Backend.Core.Http;

/// <summary>Error codes shared by every endpoint. Feature-specific codes live with their feature.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";
    public const string ServerError = "SERVER_ERROR";
}
