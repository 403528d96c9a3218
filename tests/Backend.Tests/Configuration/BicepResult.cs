namespace Backend.Tests.Configuration;

public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError);
