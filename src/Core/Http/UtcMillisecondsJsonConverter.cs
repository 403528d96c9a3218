namespace Backend.Core.Http;

/// <summary>Event times (error <c>timestamp</c>, invoice <c>uploadedAt</c>...): milliseconds, as JavaScript's toISOString writes them.</summary>
public sealed class UtcMillisecondsJsonConverter() : UtcTimeJsonConverter(Pattern)
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
}
