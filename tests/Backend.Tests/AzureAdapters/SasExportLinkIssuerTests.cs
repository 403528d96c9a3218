using System.Net;
using Azure.Storage.Blobs;
using Backend.Core.Accounting.Export;
using Backend.Core.Storage;
using Backend.Functions.Azure;
using Backend.Tests.Licensing;
using Backend.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Tests.AzureAdapters;

/// <summary>
/// Export links downloaded from Azurite over plain HTTP, as a browser would. Azurite gives user delegation keys only to
/// OAuth clients over HTTPS, so this proves the shared-key signature (<see cref="BlobClient.CanGenerateSasUri"/>); the
/// user-delegation path Azure uses is the same BlobSasBuilder signed with another key.
/// </summary>
public sealed class SasExportLinkIssuerTests : IAsyncLifetime
{
    private static readonly HttpClient Browser = new();
    private readonly BlobServiceClient _client = Azurite.Client(Azurite.SharedEndpoint);
    private readonly ManualClock _clock = new();
    private readonly string _blobName = $"{Guid.NewGuid()}/FEC-2026.txt";
    private readonly byte[] _content = "JournalCode|JournalLib|EcritureNum\nACH|Achats|1\n"u8.ToArray();

    public async Task InitializeAsync()
    {
        await _client.GetBlobContainerClient(ContainerNames.Exports).CreateIfNotExistsAsync();
        await new AzureBlobStore(_client).PutAsync(ContainerNames.Exports, _blobName, new MemoryStream(_content));
    }

    public Task DisposeAsync() => _client.GetBlobContainerClient(ContainerNames.Exports).DeleteBlobIfExistsAsync(_blobName);

    private Task<string> IssueAsync() =>
        new SasExportLinkIssuer(_client, Options.Create(new ExportSettings { LinkLifetimeMinutes = 60 }), _clock)
            .IssueAsync(new DefaultHttpContext(), Guid.NewGuid(), "fec", _blobName, CancellationToken.None);

    [Fact]
    public async Task A_fresh_link_downloads_the_file_as_an_attachment_over_plain_HTTP()
    {
        var link = await IssueAsync();

        Assert.StartsWith(Azurite.SharedEndpoint.ToString().TrimEnd('/') + "/exports/", link, StringComparison.Ordinal);
        Assert.Contains("sig=", link, StringComparison.Ordinal);
        Assert.Contains("sp=r", link, StringComparison.Ordinal);
        using var response = await Browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment; filename=\"FEC-2026.txt\"", response.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task A_link_whose_lifetime_is_over_is_refused()
    {
        // Issued two hours ago with a 60-minute lifetime: it expired an hour ago, without the test waiting for it.
        _clock.Advance(TimeSpan.FromHours(-2));
        var link = await IssueAsync();

        using var response = await Browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("JournalCode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_opens_only_its_own_blob_for_reading()
    {
        var other = $"{Guid.NewGuid()}/FEC-other.txt";
        await new AzureBlobStore(_client).PutAsync(ContainerNames.Exports, other, new MemoryStream([1, 2, 3]));
        try
        {
            var link = await IssueAsync();

            using var otherBlob = await Browser.GetAsync(link.Replace(_blobName, other, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Forbidden, otherBlob.StatusCode);
            using var overwrite = await Browser.PutAsync(link, new ByteArrayContent([9]) { Headers = { { "x-ms-blob-type", "BlockBlob" } } });
            Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
            using var stillThere = await Browser.GetAsync(link);
            Assert.Equal(_content, await stillThere.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await _client.GetBlobContainerClient(ContainerNames.Exports).DeleteBlobIfExistsAsync(other);
        }
    }
}
