namespace Backend.Core.Storage;

/// <summary>
/// The blob store could not be reached or failed on its side (connection refused, timeout, 5xx, throttling).
/// An <see cref="IOException"/>, like a failing disk under <see cref="FileSystemBlobStore"/>, so every caller treats
/// both outages alike: an upload answers 503 with <c>Retry-After</c>, a job is redelivered.
/// </summary>
public sealed class BlobStoreUnavailableException(string message, Exception? innerException = null) : IOException(message, innerException);
