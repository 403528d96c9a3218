using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backend.Tests.Configuration;
using Backend.Tests.Infrastructure;
using Backend.Tests.Reliability;

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
    public async Task The_installed_settings_and_database_start_a_healthy_backend_behind_the_proxy_address()
    {
        var install = await InstallScript.InstallAsync(_root, _postgres.Port);
        Assert.True(install.ExitCode == 0, install.ToString());
        var settings = InstallScript.Settings(_root);

        Assert.Equal("127.0.0.1", settings["Licensing__TrustedProxies"]);
        Assert.Equal("json", settings["Logging__Console__FormatterName"]);
        Assert.Equal("http://127.0.0.1:5080", settings["ASPNETCORE_URLS"]);
        Assert.Matches("^[0-9a-f]{64}$", settings["Licensing__AdminApiKey"]);
        Assert.Contains($"Port={_postgres.Port};Database=easyfacture;Username=easyfacture;Password=", settings["Database__ConnectionString"]);
        var caddy = File.ReadAllText(Path.Combine(_root, "etc/easyfacture/caddy.env"));
        Assert.Contains("EASYFACTURE_UPSTREAM=127.0.0.1:5080", caddy);
        Assert.Contains("EASYFACTURE_TLS=admin@example.test", caddy);

        // The generated secrets, the role and its password, exactly as written: the app must start on them
        // (as the easyfacture role, not a superuser) and migrate its database. Only the blob path is moved into the root.
        settings["BlobStore__RootPath"] = Path.Combine(_root, "var/lib/easyfacture/blobs");
        settings["Logging__LogLevel__Default"] = "Information";
        await using var app = new SelfHostProcess(settings["Database__ConnectionString"], settings["BlobStore__RootPath"], settings);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var health = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Logs are JSON lines (journald keeps one line per entry): the start-up lines at Information prove it.
        await Eventually.TrueAsync(() => Task.FromResult(app.Log.Split('\n').Any(IsJsonLogLine)), TimeSpan.FromSeconds(10), "a JSON log line");
    }

    private static bool IsJsonLogLine(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject entry && entry["LogLevel"] is not null && entry["Category"] is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
