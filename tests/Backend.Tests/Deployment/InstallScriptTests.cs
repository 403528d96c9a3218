using Backend.Tests.Configuration;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Deployment;

/// <summary>install.sh on a throwaway root and a private PostgreSQL: idempotent, and what it writes runs.</summary>
public sealed class InstallScriptTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("backend-vps-root-").FullName;
    private ThrowawayPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await ThrowawayPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Running_install_twice_succeeds_and_the_second_run_changes_nothing()
    {
        var first = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = TreeListing.Of(_root);

        var second = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(second.ExitCode == 0, second.ToString());
        var after = TreeListing.Of(_root);

        Assert.True(before.SequenceEqual(after), "the second run changed:\n" + TreeListing.Diff(before, after));
        Assert.DoesNotContain("wrote", second.Stderr);
        Assert.DoesNotContain(" set", second.Stderr);
        // Not an empty tree that trivially stays the same.
        Assert.Contains(before, line => line.StartsWith("opt/easyfacture/current link releases/build-", StringComparison.Ordinal));
        Assert.Contains(before, line => line.StartsWith("etc/easyfacture/backend.env file 600 ", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("deploy/vps/Caddyfile")), File.ReadAllText(Path.Combine(_root, "etc/caddy/Caddyfile")));
        foreach (var unit in new[] { "easyfacture-backend.service", "easyfacture-backup.service", "easyfacture-backup.timer" })
        {
            Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("deploy/vps/systemd/" + unit)), File.ReadAllText(Path.Combine(_root, "etc/systemd/system", unit)));
        }
    }

    [Fact]
    public async Task The_settings_are_generated_for_the_proxy_the_database_and_json_logs()
    {
        var install = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(install.ExitCode == 0, install.ToString());
        var settings = InstallScript.Settings(_root);

        Assert.Equal("127.0.0.1", settings["Licensing__TrustedProxies"]);
        Assert.Equal("json", settings["Logging__Console__FormatterName"]);
        Assert.Equal("http://127.0.0.1:5080", settings["ASPNETCORE_URLS"]);
        Assert.Matches("^[0-9a-f]{64}$", settings["Licensing__AdminApiKey"]);
        Assert.Equal(32, Convert.FromBase64String(settings["Encryption__Keys__" + settings["Encryption__ActiveKeyId"]]).Length);
        Assert.Contains($"Port={_postgres.Port};Database=easyfacture;Username=easyfacture;Password=", settings["Database__ConnectionString"]);
        var caddy = File.ReadAllText(Path.Combine(_root, "etc/easyfacture/caddy.env"));
        Assert.Contains("EASYFACTURE_UPSTREAM=127.0.0.1:5080", caddy);
        Assert.Contains("EASYFACTURE_TLS=admin@example.test", caddy);

        // That these settings alone start the app: UpgradeScriptTests runs the installed release on them.
    }
}
