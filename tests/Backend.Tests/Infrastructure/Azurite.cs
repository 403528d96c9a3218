using Azure.Storage;
using Azure.Storage.Blobs;
using Backend.Functions.Azure;
using Backend.Tests.Configuration;

namespace Backend.Tests.Infrastructure;

/// <summary>
/// The Azurite blob emulator that <c>scripts/test.sh</c> installs and starts (<c>scripts/azurite.sh</c>). Tests that need it
/// fail, never skip, when it is not there: a suite that quietly stops testing Azure Blob storage would look green.
/// </summary>
public static class Azurite
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's documented, public development key; not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string EndpointVariable = "BACKEND_TEST_AZURITE_BLOB";
    public const string BinaryVariable = "BACKEND_TEST_AZURITE_BIN";

    /// <summary>The shared instance's blob endpoint, e.g. <c>http://127.0.0.1:10010/devstoreaccount1</c>.</summary>
    public static Uri SharedEndpoint =>
        Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint
            ? new Uri(endpoint)
            : throw new InvalidOperationException(
                $"{EndpointVariable} is not set: these tests need Azurite. Run them through scripts/test.sh, or run " +
                $"scripts/azurite.sh start and export {EndpointVariable}=http://127.0.0.1:<BACKEND_AZURITE_PORT>/{AccountName}.");

    /// <summary>The <c>azurite-blob</c> launcher the outage drills start private instances with.</summary>
    public static string Binary
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured
                ? configured
                : RepositoryFiles.PathOf(".local/azurite/node_modules/.bin/azurite-blob");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"Azurite is not installed at {path}: run scripts/azurite.sh install (scripts/test.sh does), or set {BinaryVariable}.");
        }
    }

    /// <summary>A client of the account with the shared key, and the retry options the app uses.</summary>
    public static BlobServiceClient Client(Uri endpoint) =>
        new(endpoint, new StorageSharedKeyCredential(AccountName, AccountKey), AzureBlobStore.ClientOptions());

    /// <summary>A container name no other test uses (the shared instance serves every test class at once).</summary>
    public static string UniqueContainerName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
}
