using System.Globalization;
using System.Runtime.CompilerServices;

namespace Backend.Core.Storage;

/// <summary>
/// Blob storage as a directory tree: <c>{root}/{container}/{name}</c>. Writes go to a temporary file
/// beside the containers and are renamed into place, so a reader or the inbox scanner never sees half a file.
/// Symbolic links are not blobs: listing skips them (and does not descend into linked directories), and no
/// operation goes through a link below the root, so a link dropped in one tenant's inbox folder cannot expose a
/// file of another tenant or anything outside the root.
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

    // Hidden and system entries were skipped before links were; keep doing so.
    private static readonly EnumerationOptions ListingOptions = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    public async Task PutAsync(string container, string name, Stream content, CancellationToken cancellationToken = default)
    {
        var target = PathOf(container, name);
        if (LinkOnTheWay(container, name) is { } link)
        {
            throw new IOException($"Blob path goes through a symbolic link ('{Path.GetRelativePath(_root, link)}'): refused.");
        }
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
        if (LinkOnTheWay(container, name) is not null)
        {
            return Task.FromResult<Stream?>(null);
        }
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
        if (LinkOnTheWay(container, name) is not null || !File.Exists(path))
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
        foreach (var path in Directory.EnumerateFiles(directory, "*", ListingOptions))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/');
            if (prefix is not null && !name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null)
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

    /// <summary>
    /// The first symbolic link among the container directory, the name's directories and the blob itself, or null.
    /// (The root may be a link: the operator chose it.) Checked before each open; the window between the check and
    /// the open is left to the directory permissions of whoever can write into the inbox.
    /// </summary>
    private string? LinkOnTheWay(string container, string name)
    {
        var path = Path.Combine(_root, container);
        foreach (var segment in name.Split('/').Prepend(null))
        {
            if (segment is not null)
            {
                path = Path.Combine(path, segment);
            }
            FileSystemInfo info = new FileInfo(path);
            if (!info.Exists)
            {
                info = new DirectoryInfo(path);
                if (!info.Exists)
                {
                    // A dangling link exists for neither; LinkTarget still names it.
                    return new FileInfo(path).LinkTarget is not null ? path : null;
                }
            }
            if (info.LinkTarget is not null)
            {
                return path;
            }
        }
        return null;
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
