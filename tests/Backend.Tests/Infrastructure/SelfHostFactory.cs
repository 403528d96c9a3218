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
        // People's access tokens need a signing key; Argon2 runs at test cost (production defaults are OWASP's 19 MiB, t=2).
        AccessTokenKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Settings["AccessTokens:ActiveKeyId"] = "local1";
        Settings["AccessTokens:Keys:local1"] = AccessTokenKey;
        Settings["Accounts:Argon2MemoryKib"] = "64";
        Settings["Accounts:Argon2Iterations"] = "1";
    }

    public string BlobRoot { get; }

    /// <summary>The access-token signing key of this host (<c>AccessTokens__Keys__local1</c>).</summary>
    public string AccessTokenKey { get; }

    /// <summary>The license signing key this host uses (PKCS#8, base64 DER).</summary>
    public string SigningPrivateKey { get; }

    /// <summary>The admin key of this host (<c>Licensing__AdminApiKey</c>).</summary>
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
