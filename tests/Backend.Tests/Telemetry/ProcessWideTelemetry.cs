namespace Backend.Tests.Telemetry;

/// <summary>
/// Tests that count exported spans run alone: activity listeners are process-wide, and another test's host sampling
/// every trace makes an activity recorded for every provider listening, whatever this test's sampler decided.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "process-wide telemetry";
}
