using System.Text.Json.Nodes;

namespace Backend.Tests.Configuration;

/// <summary>Facts of the function apps' host.json and Program.cs that cannot be compiled here.</summary>
public sealed class FunctionHostTests
{
    [Theory]
    [InlineData("src/LicenseFunctions/host.json")]
    [InlineData("src/OcrFunctions/host.json")]
    public void The_hosts_serve_routes_under_api(string hostJson)
    {
        var host = JsonNode.Parse(RepositoryFiles.Read(hostJson))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void The_OCR_host_renews_Service_Bus_locks_for_as_long_as_a_function_may_run()
    {
        var host = JsonNode.Parse(RepositoryFiles.Read("src/OcrFunctions/host.json"))!;
        var serviceBus = host["extensions"]!["serviceBus"]!;

        Assert.Equal(host["functionTimeout"]!.GetValue<string>(), serviceBus["maxAutoLockRenewalDuration"]!.GetValue<string>());
        // Prefetched messages wait with a lock that is not renewed: with OCR taking seconds to minutes they would expire.
        Assert.Equal(0, serviceBus["prefetchCount"]!.GetValue<int>());
        // Core settles each message itself (complete, or dead-letter with a reason).
        Assert.False(serviceBus["autoCompleteMessages"]!.GetValue<bool>());
    }
}
