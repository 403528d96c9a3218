using System.Net;
using System.Text.Json;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Foundation;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthy_when_database_and_blob_store_answer()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var factory = new SelfHostFactory(database.ConnectionString);

        var response = await factory.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("up", body.RootElement.GetProperty("checks").GetProperty("blob_store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unavailable_naming_postgres_while_the_database_is_stopped_then_recovers()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var factory = new SelfHostFactory(postgres.ConnectionString);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        await postgres.StopServerAsync();
        var down = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        using (var body = JsonDocument.Parse(await down.Content.ReadAsStringAsync()))
        {
            var database = body.RootElement.GetProperty("checks").GetProperty("database");
            Assert.Equal("down", database.GetProperty("status").GetString());
            Assert.Contains("postgres", database.GetProperty("error").GetString());
            Assert.Equal("up", body.RootElement.GetProperty("checks").GetProperty("blob_store").GetProperty("status").GetString());
        }

        await postgres.StartServerAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Unavailable_naming_the_blob_store_when_its_directory_cannot_be_written()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var factory = new SelfHostFactory(database.ConnectionString);
        // A regular file where the store's root should be: no directory can be created under it, even as root.
        var blocked = Path.Combine(factory.BlobRoot, "not-a-directory");
        await File.WriteAllTextAsync(blocked, "x");
        factory.Settings["BlobStore:RootPath"] = blocked;

        var response = await factory.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("down", body.RootElement.GetProperty("checks").GetProperty("blob_store").GetProperty("status").GetString());
        Assert.Equal("up", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
