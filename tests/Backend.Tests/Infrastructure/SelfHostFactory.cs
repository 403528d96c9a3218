using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Backend.Tests.Infrastructure;

/// <summary>
/// SelfHost in-process on a test database and a temporary blob directory. Settings can be overridden
/// per test class through <see cref="Settings"/> before the first request.
/// </summary>
public class SelfHostFactory : WebApplicationFactory<Program>
{
    public SelfHostFactory(string connectionString)
    {
        BlobRoot = Directory.CreateTempSubdirectory("backend-blobs-").FullName;
        Settings["Database:ConnectionString"] = connectionString;
        Settings["BlobStore:RootPath"] = BlobRoot;
        Settings["Queue:PollIntervalMilliseconds"] = "100";
        Settings["Encryption:ActiveKeyId"] = "test1";
        Settings["Encryption:Keys:test1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Settings["Licensing:AdminApiKey"] = AdminApiKey;
    }

    public string BlobRoot { get; }

    /// <summary>The admin key of this host (<c>Licensing__AdminApiKey</c>).</summary>
    public string AdminApiKey { get; } = "test-admin-" + Guid.NewGuid().ToString("N");

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(BlobRoot, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
