namespace Backend.Core.Storage;

/// <param name="ETag">Changes whenever the content is replaced; with the name it identifies one drop.</param>
public sealed record BlobItem(string Container, string Name, long Length, DateTimeOffset LastModified, string ETag);
