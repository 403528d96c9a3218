using System.Security.Cryptography;
using System.Text;
using Backend.Core.Storage;

namespace Backend.Tests.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> promises, run once per adapter (<see cref="FileSystemBlobStoreTests"/>,
/// <see cref="AzureBlobStoreTests"/>): SelfHost and the function apps run the same Core code over either.
/// </summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>A container of this test alone, existing and empty.</summary>
    protected string Container { get; private set; } = "";

    /// <summary>A store and an empty container of its own for one test.</summary>
    protected abstract Task<(IBlobStore Store, string Container)> CreateAsync();

    /// <summary>
    /// A store of its own whose storage the test can take away: a disk that is gone, a storage service that stopped.
    /// Its <see cref="ContainerNames.Invoices"/> container exists.
    /// </summary>
    protected abstract Task<BreakableStore> CreateBreakableAsync();

    /// <summary>A valid container name that does not exist in the store.</summary>
    protected abstract string MissingContainerName { get; }

    public async Task InitializeAsync() => (Store, Container) = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_blob_put_reads_back_byte_for_byte_under_a_nested_name()
    {
        await Store.PutAsync(Container, "tenant-1/facture été.pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.4 hello")));

        Assert.Equal("%PDF-1.4 hello", Encoding.UTF8.GetString(await ReadAsync("tenant-1/facture été.pdf")));
    }

    [Fact]
    public async Task An_overwrite_replaces_the_content_and_changes_the_etag()
    {
        await Store.PutAsync(Container, "t/one.pdf", new MemoryStream([1, 2, 3]));
        var first = await Store.ListAsync(Container).SingleAsync();

        await Store.PutAsync(Container, "t/one.pdf", new MemoryStream([4, 5, 6, 7]));

        Assert.Equal([4, 5, 6, 7], await ReadAsync("t/one.pdf"));
        var second = await Store.ListAsync(Container).SingleAsync();
        Assert.Equal(("t/one.pdf", 4L), (second.Name, second.Length));
        Assert.Equal(Container, second.Container);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.False(string.IsNullOrEmpty(second.ETag));
    }

    [Fact]
    public async Task A_missing_blob_reads_as_null_and_deletes_as_false()
    {
        Assert.Null(await Store.OpenReadAsync(Container, "nope.pdf"));
        Assert.False(await Store.DeleteAsync(Container, "nope.pdf"));
        Assert.Empty(await Store.ListAsync(Container).ToListAsync());
    }

    [Fact]
    public async Task A_container_that_does_not_exist_lists_empty_reads_null_and_deletes_false()
    {
        Assert.Empty(await Store.ListAsync(MissingContainerName).ToListAsync());
        Assert.Empty(await Store.ListAsync(MissingContainerName, "a/").ToListAsync());
        Assert.Null(await Store.OpenReadAsync(MissingContainerName, "x.pdf"));
        Assert.False(await Store.DeleteAsync(MissingContainerName, "x.pdf"));
    }

    [Fact]
    public async Task A_deleted_blob_is_gone_from_reads_and_listings_and_a_second_delete_is_false()
    {
        await Store.PutAsync(Container, "a/keep.pdf", new MemoryStream([1]));
        await Store.PutAsync(Container, "a/drop.pdf", new MemoryStream([2]));

        Assert.True(await Store.DeleteAsync(Container, "a/drop.pdf"));

        Assert.Null(await Store.OpenReadAsync(Container, "a/drop.pdf"));
        Assert.Equal(["a/keep.pdf"], await Store.ListAsync(Container).Select(b => b.Name).ToListAsync());
        Assert.False(await Store.DeleteAsync(Container, "a/drop.pdf"));
        Assert.Equal([1], await ReadAsync("a/keep.pdf"));
    }

    [Fact]
    public async Task Listing_by_prefix_returns_exactly_the_blobs_under_it_with_their_sizes()
    {
        await Store.PutAsync(Container, "a/1.pdf", new MemoryStream(new byte[10]));
        await Store.PutAsync(Container, "a/sub/2.pdf", new MemoryStream(new byte[20]));
        await Store.PutAsync(Container, "ab.pdf", new MemoryStream(new byte[30]));
        await Store.PutAsync(Container, "b/1.pdf", new MemoryStream(new byte[40]));

        var underA = await Store.ListAsync(Container, "a/").OrderBy(b => b.Name, StringComparer.Ordinal).ToListAsync();
        Assert.Equal([("a/1.pdf", 10L), ("a/sub/2.pdf", 20L)], underA.Select(b => (b.Name, b.Length)));
        Assert.Equal(["a/1.pdf", "a/sub/2.pdf", "ab.pdf"], await Store.ListAsync(Container, "a").Select(b => b.Name).OrderBy(n => n, StringComparer.Ordinal).ToListAsync());
        Assert.Equal(4, await Store.ListAsync(Container).CountAsync());
        Assert.Empty(await Store.ListAsync(Container, "c/").ToListAsync());
    }

    [Fact]
    public async Task A_10_MB_blob_round_trips_intact()
    {
        var content = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);

        await Store.PutAsync(Container, "big/scan.tiff", new MemoryStream(content));

        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await ReadAsync("big/scan.tiff")));
        Assert.Equal(content.Length, (await Store.ListAsync(Container, "big/").SingleAsync()).Length);
    }

    [Fact]
    public async Task Concurrent_writers_of_one_name_leave_one_whole_version_and_readers_never_see_a_mix()
    {
        const int writers = 6;
        const int size = 512 * 1024;
        // Writer i writes `size` bytes all equal to i + 1: a torn or interleaved read shows two values or a wrong length.
        var versions = Enumerable.Range(1, writers).Select(i => Enumerable.Repeat((byte)i, size).ToArray()).ToArray();
        await Store.PutAsync(Container, "race.pdf", new MemoryStream(versions[0]));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = Task.WhenAll(versions.Select(async version =>
        {
            await start.Task;
            for (var round = 0; round < 3; round++)
            {
                await Store.PutAsync(Container, "race.pdf", new MemoryStream(version));
            }
        }));
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            await start.Task;
            do
            {
                AssertOneWholeVersion(await ReadAsync("race.pdf"), size);
                reads++;
            }
            while (!writes.IsCompleted);
        });
        start.SetResult();
        await Task.WhenAll(writes, reader);

        AssertOneWholeVersion(await ReadAsync("race.pdf"), size);
        Assert.Equal(("race.pdf", (long)size), await Store.ListAsync(Container).Select(b => (b.Name, b.Length)).SingleAsync());
        Assert.True(reads > 0);
    }

    [Fact]
    public async Task Health_is_down_while_the_storage_is_away_writes_fail_as_an_IO_error_and_all_is_back_after()
    {
        await using var breakable = await CreateBreakableAsync();
        var store = breakable.Store;
        Assert.Null(await store.CheckHealthAsync());
        await store.PutAsync(ContainerNames.Invoices, "before.pdf", new MemoryStream([1]));

        await breakable.BreakAsync();

        Assert.False(string.IsNullOrWhiteSpace(await store.CheckHealthAsync()));
        // IOException is what the upload handler answers 503 for and the inbox scanner waits out.
        await Assert.ThrowsAnyAsync<IOException>(() => store.PutAsync(ContainerNames.Invoices, "during.pdf", new MemoryStream([2])));

        await breakable.RestoreAsync();

        // The same store object recovers by itself: no restart of the app after an outage.
        Assert.Null(await store.CheckHealthAsync());
        await store.PutAsync(ContainerNames.Invoices, "after.pdf", new MemoryStream([3]));
        Assert.Equal(["after.pdf", "before.pdf"], await store.ListAsync(ContainerNames.Invoices).Select(b => b.Name).OrderBy(n => n, StringComparer.Ordinal).ToListAsync());
    }

    protected async Task<byte[]> ReadAsync(string name)
    {
        await using var stream = await Store.OpenReadAsync(Container, name);
        Assert.NotNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static void AssertOneWholeVersion(byte[] content, int size)
    {
        Assert.Equal(size, content.Length);
        Assert.True(Array.TrueForAll(content, b => b == content[0]), $"a read mixed versions (first byte {content[0]})");
    }
}
