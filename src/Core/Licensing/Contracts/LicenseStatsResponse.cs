namespace Backend.Core.Licensing;

public sealed record LicenseStatsResponse(
    DateTimeOffset Since,
    IReadOnlyList<LicenseCount> Licenses,
    IReadOnlyList<TrialDay> TrialsPerDay,
    MachinesSeen MachinesSeen,
    IReadOnlyList<DayCount> ValidationsPerDay)
{
    public bool Success => true;
}
