namespace Backend.Tests.Bench;

/// <summary>The bench scripts one after the other: several share the local PostgreSQL cluster and its start/stop.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchScripts
{
    public const string Name = "bench scripts";
}
