namespace Backend.Core.Http;

/// <summary>License dates (<c>expires_at</c>, <c>revoked_at</c>, <c>last_check</c>...): whole seconds, as signed keys carry them.</summary>
public sealed class UtcSecondsJsonConverter() : UtcTimeJsonConverter(Pattern)
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'";
}
