using System.Text;
using Backend.Core.Storage;

namespace Backend.Tests.Foundation;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("blobstore-").FullName;
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Put_then_read_round_trips_nested_names()
    {
        await _store.PutAsync("inbox", "tenant-1/facture été.pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.4 hello")));

        await using var stream = await _store.OpenReadAsync("inbox", "tenant-1/facture été.pdf");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        Assert.Equal("%PDF-1.4 hello", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Missing_blob_reads_as_null_and_deletes_as_false()
    {
        Assert.Null(await _store.OpenReadAsync("invoices", "nope.pdf"));
        Assert.False(await _store.DeleteAsync("invoices", "nope.pdf"));
    }

    [Fact]
    public async Task A_failed_write_leaves_neither_the_blob_nor_a_temp_file()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("inbox", "a.pdf", new FailingStream()));

        Assert.Null(await _store.OpenReadAsync("inbox", "a.pdf"));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Listing_shows_only_complete_blobs_with_an_etag_that_changes_on_overwrite()
    {
        await _store.PutAsync("inbox", "t/one.pdf", new MemoryStream([1, 2, 3]));
        var first = await _store.ListAsync("inbox").SingleAsync();

        await _store.PutAsync("inbox", "t/one.pdf", new MemoryStream([1, 2, 3, 4]));
        var second = await _store.ListAsync("inbox", "t/").SingleAsync();

        Assert.Equal("t/one.pdf", second.Name);
        Assert.Equal(4, second.Length);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Empty(await _store.ListAsync("inbox", "other/").ToListAsync());
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
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync("inbox", name, new MemoryStream([1])));
    }

    [Fact]
    public async Task Health_reports_an_unwritable_root()
    {
        Assert.Null(await _store.CheckHealthAsync());

        var file = Path.Combine(_root, "file");
        await File.WriteAllTextAsync(file, "x");
        Assert.NotNull(await new FileSystemBlobStore(file).CheckHealthAsync());
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
