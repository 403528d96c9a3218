namespace Backend.Tests.Reliability;

/// <summary>
/// The drills that load the machine (a SelfHost process under soak, SIGKILLs, a private PostgreSQL under load, OCR of
/// damaged files, thousands of fuzz requests) run alone after the parallel tests, so their load never starves another test's timing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyDrills
{
    public const string Name = "Reliability heavy drills";
}
