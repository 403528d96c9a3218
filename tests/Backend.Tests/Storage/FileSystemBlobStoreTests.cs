using Backend.Core.Storage;

namespace Backend.Tests.Storage;

/// <summary>The blob store contract over a temporary directory, and what only the file system can get wrong.</summary>
public sealed class FileSystemBlobStoreTests : BlobStoreContractTests
{
    private readonly List<string> _roots = [];

    private string NewRoot()
    {
        var root = Directory.CreateTempSubdirectory("blobstore-").FullName;
        _roots.Add(root);
        return root;
    }

    protected override string MissingContainerName => "never-created";

    protected override Task<(IBlobStore Store, string Container)> CreateAsync() =>
        Task.FromResult<(IBlobStore, string)>((new FileSystemBlobStore(NewRoot()), "contract"));

    protected override Task<BreakableStore> CreateBreakableAsync()
    {
        var root = NewRoot();
        Directory.CreateDirectory(Path.Combine(root, ContainerNames.Invoices));
        var away = root + ".away";
        _roots.Add(away);
        // The disk goes away: a plain file where the root directory was (as root, permissions would not stop a write).
        return Task.FromResult(new BreakableStore(new FileSystemBlobStore(root),
            async () =>
            {
                Directory.Move(root, away);
                await File.WriteAllTextAsync(root, "not a directory");
            },
            () =>
            {
                File.Delete(root);
                Directory.Move(away, root);
                return Task.CompletedTask;
            }));
    }

    public override Task DisposeAsync()
    {
        foreach (var root in _roots)
        {
            if (File.Exists(root))
            {
                File.Delete(root);
            }
            else if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        return Task.CompletedTask;
    }

    private FileSystemBlobStore FileStore => (FileSystemBlobStore)Store;

    [Fact]
    public async Task A_failed_write_leaves_neither_the_blob_nor_a_temp_file()
    {
        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Container, "a.pdf", new FailingStream()));

        Assert.Null(await Store.OpenReadAsync(Container, "a.pdf"));
        Assert.Empty(Directory.EnumerateFiles(FileStore.RootPath, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("a/../../escape.pdf")]
    [InlineData("/absolute.pdf")]
    [InlineData(".hidden")]
    [InlineData("a\\b.pdf")]
    [InlineData("")]
    public async Task Names_that_could_leave_the_container_are_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Container, name, new MemoryStream([1])));
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream() : base(new byte[100_000]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 0 ? throw new IOException("disk went away") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 10)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
