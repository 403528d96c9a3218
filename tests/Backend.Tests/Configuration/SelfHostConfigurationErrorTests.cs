using Backend.Core.Configuration;
using Backend.Tests.Reliability;

namespace Backend.Tests.Configuration;

/// <summary>SelfHost as a real process: a bad setting is one line on standard error and exit code 2, no stack trace before it.</summary>
public sealed class SelfHostConfigurationErrorTests
{
    [Fact]
    public async Task A_missing_setting_prints_exactly_one_line_and_exits_2()
    {
        var blobs = Directory.CreateTempSubdirectory("backend-config-").FullName;
        try
        {
            // No database is needed: settings are checked before anything connects.
            await using var selfHost = new SelfHostProcess("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none", blobs,
                new Dictionary<string, string> { ["Encryption__ActiveKeyId"] = "", ["Logging__LogLevel__Default"] = "Information" });

            var (exitCode, standardError, standardOutput) = await selfHost.RunUntilExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(ConfigurationError.ExitCode, exitCode);
            var line = Assert.Single(standardError);
            Assert.StartsWith("Configuration error: Setting 'Encryption__ActiveKeyId' is missing", line);
            // The host's own logging (standard output) must not have reported the failure first, stack trace and all.
            Assert.DoesNotContain("   at ", standardOutput);
            Assert.DoesNotContain("Hosting failed to start", standardOutput);
            Assert.DoesNotContain("Exception", standardOutput);
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }
}
