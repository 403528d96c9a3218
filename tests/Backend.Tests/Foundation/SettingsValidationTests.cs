using Backend.Core;
using Backend.Core.Configuration;
using Backend.Core.Data;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Foundation;

public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_connection_string_is_named(string value)
    {
        var problems = new DatabaseSettings { ConnectionString = value }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Database__ConnectionString", problem);
        Assert.Contains("missing", problem);
    }

    [Fact]
    public void Malformed_connection_string_is_named_without_echoing_it()
    {
        var problems = new DatabaseSettings { ConnectionString = "Host=x;Passwrd=secret-value;Bogus" }.Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("Database__ConnectionString", problem);
        Assert.DoesNotContain("secret-value", problem);
    }

    [Fact]
    public void Out_of_range_numbers_are_named()
    {
        var problems = new QueueSettings { Concurrency = 0, MaxDeliveryCount = 500 }.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Queue__Concurrency"));
        Assert.Contains(problems, p => p.Contains("Queue__MaxDeliveryCount"));
    }

    [Fact]
    public void Valid_settings_have_no_problems()
    {
        Assert.Empty(new DatabaseSettings { ConnectionString = TestDatabase.ServerConnectionString }.Validate());
        Assert.Empty(new QueueSettings().Validate());
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_bad_setting_and_names_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = TestDatabase.ServerConnectionString,
            ["Queue:VisibilityTimeoutSeconds"] = "0",
        });
        builder.Services.AddBackendCore(builder.Configuration);
        builder.Services.AddSettings<QueueSettings>(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Queue__VisibilityTimeoutSeconds", error.Message);
    }
}
