using Xunit.Abstractions;
namespace Backend.Tests.Reliability;

/// <summary>
/// Where the reliability tests put what they measured: the test output, and one line per figure appended to the file
/// named by <c>RELIABILITY_REPORT</c> (the bench/ drills set it and print it), so docs/RELIABILITY.md quotes real runs.
/// </summary>
public static class ReliabilityFigures
{
    private static readonly Lock Gate = new();

    public static void Record(ITestOutputHelper output, string drill, string figures)
    {
        var line = $"{DateTime.UtcNow:O} | {drill} | {figures}";
        output.WriteLine(line);
        var file = Environment.GetEnvironmentVariable("RELIABILITY_REPORT");
        if (!string.IsNullOrEmpty(file))
        {
            lock (Gate)
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }

    /// <summary>A count scaled by an environment variable, so CI runs the short version and the drill the long one.</summary>
    public static int Scaled(string variable, int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : ciDefault;
}
