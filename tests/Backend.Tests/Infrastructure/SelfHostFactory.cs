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
        Settings["Encryption:ActiveKeyId"] = "local1";
        Settings["Encryption:Keys:local1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        // Licensing refuses to start without an admin key and a signing key: fresh ones per host.
        using var signingKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        SigningPrivateKey = Convert.ToBase64String(signingKey.ExportPkcs8PrivateKey());
        AdminApiKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        Settings["Licensing:SigningPrivateKey"] = SigningPrivateKey;
        Settings["Licensing:AdminApiKey"] = AdminApiKey;
        Settings["Licensing:FlushIntervalMilliseconds"] = "100";
    }

    public string BlobRoot { get; }

    /// <summary>The license signing key this host uses (PKCS#8, base64 DER).</summary>
    public string SigningPrivateKey { get; }

    public string AdminApiKey { get; }

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
