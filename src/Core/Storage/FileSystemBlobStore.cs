using System.Globalization;
using System.Runtime.CompilerServices;

namespace Backend.Core.Storage;

/// <summary>
/// Blob storage as a directory tree: <c>{root}/{container}/{name}</c>. Writes go to a temporary file
/// beside the containers and are renamed into place, so a reader or the inbox scanner never sees half a file.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string TempDirectoryName = ".tmp";
    private readonly string _root;

    public FileSystemBlobStore(string rootPath)
    {
        _root = Path.GetFullPath(rootPath);
    }

    public string RootPath => _root;

    public async Task PutAsync(string container, string name, Stream content, CancellationToken cancellationToken = default)
    {
        var target = PathOf(container, name);
        var tempDirectory = Path.Combine(_root, TempDirectoryName);
        Directory.CreateDirectory(tempDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(tempDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }
        File.Delete(path);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(_root, ValidateSegment(container, nameof(container)));
        if (!Directory.Exists(directory))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/');
            if (prefix is not null && !name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue; // deleted while we listed
            }
            yield return new BlobItem(container, name, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), ETagOf(info));
        }
        await Task.CompletedTask;
    }

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var tempDirectory = Path.Combine(_root, TempDirectoryName);
            Directory.CreateDirectory(tempDirectory);
            var probe = Path.Combine(tempDirectory, "health-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return Task.FromResult<string?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult<string?>($"blob directory is not writable ({e.GetType().Name})");
        }
    }

    /// <summary>Length and modification time stand in for Azure's ETag: both change when content is replaced.</summary>
    public static string ETagOf(FileInfo info) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");

    public string PathOf(string container, string name)
    {
        ValidateSegment(container, nameof(container));
        if (string.IsNullOrEmpty(name) || name.Length > 1024)
        {
            throw new ArgumentException("Blob name must be 1 to 1024 characters.", nameof(name));
        }
        foreach (var segment in name.Split('/'))
        {
            ValidateSegment(segment, nameof(name));
        }
        return Path.Combine(_root, container, name.Replace('/', Path.DirectorySeparatorChar));
    }

    private static string ValidateSegment(string segment, string parameter)
    {
        if (string.IsNullOrEmpty(segment) || segment is "." or ".." || segment.StartsWith('.')
            || segment.Contains('\\') || segment.Any(char.IsControl))
        {
            throw new ArgumentException($"Invalid blob path segment '{segment}'.", parameter);
        }
        return segment;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
