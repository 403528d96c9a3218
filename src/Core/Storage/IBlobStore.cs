namespace Backend.Core.Storage;

/// <summary>
/// Invoice files and exports. Azure Blob storage implements it in the function apps,
/// <see cref="FileSystemBlobStore"/> in SelfHost and the tests.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes the whole blob or nothing: readers never see a partial file.</summary>
    Task PutAsync(string container, string name, Stream content, CancellationToken cancellationToken = default);

    /// <returns>null when the blob does not exist.</returns>
    Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);

    IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>Null when healthy, else a short reason safe to show to an operator.</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default);
}
