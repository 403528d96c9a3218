using System.Text;
using Backend.Core.Storage;

namespace Backend.Tests.Foundation;

/// <summary>A symbolic link below the blob root is never a blob and never a way through.</summary>
public sealed class BlobStoreSymlinkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("blobstore-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("outside-").FullName;
    private readonly FileSystemBlobStore _store;

    public BlobStoreSymlinkTests() => _store = new FileSystemBlobStore(_root);

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private async Task<string> StoreAsync(string container, string name, string text)
    {
        await _store.PutAsync(container, name, new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return _store.PathOf(container, name);
    }

    [Fact]
    public async Task A_link_in_one_tenant_inbox_to_another_tenant_file_is_neither_listed_nor_readable()
    {
        var secret = await StoreAsync("invoices", "tenant-a/2026/secret.pdf", "%PDF-1.4 tenant A");
        await StoreAsync("inbox", "tenant-b/real.pdf", "%PDF-1.4 tenant B");
        File.CreateSymbolicLink(Path.Combine(_root, "inbox", "tenant-b", "stolen.pdf"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_root, "inbox", "tenant-b", "folder"), Path.GetDirectoryName(secret)!);
        File.CreateSymbolicLink(Path.Combine(_root, "inbox", "tenant-b", "passwd.pdf"), "/etc/passwd");

        var listed = new List<string>();
        await foreach (var blob in _store.ListAsync("inbox"))
        {
            listed.Add(blob.Name);
        }

        Assert.Equal(["tenant-b/real.pdf"], listed);
        Assert.Null(await _store.OpenReadAsync("inbox", "tenant-b/stolen.pdf"));
        Assert.Null(await _store.OpenReadAsync("inbox", "tenant-b/folder/secret.pdf"));
        Assert.Null(await _store.OpenReadAsync("inbox", "tenant-b/passwd.pdf"));
    }

    [Fact]
    public async Task A_linked_tenant_folder_is_refused_for_writes_and_deletes()
    {
        Directory.CreateDirectory(Path.Combine(_root, "invoices"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "invoices", "tenant-c"), _outside);
        File.WriteAllText(Path.Combine(_outside, "keep.txt"), "outside the root");

        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("invoices", "tenant-c/new.pdf", new MemoryStream([1, 2, 3])));
        Assert.False(await _store.DeleteAsync("invoices", "tenant-c/keep.txt"));
        Assert.Null(await _store.OpenReadAsync("invoices", "tenant-c/keep.txt"));

        Assert.Equal(["keep.txt"], Directory.GetFiles(_outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_linked_container_is_refused_too()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "exports"), _outside);
        File.WriteAllText(Path.Combine(_outside, "fec.txt"), "outside the root");

        Assert.Null(await _store.OpenReadAsync("exports", "fec.txt"));
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("exports", "batch/sage.txt", new MemoryStream([1])));
    }
}
