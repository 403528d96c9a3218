using Backend.Core.Configuration;

namespace Backend.Core.Accounting.Export;

public sealed class ExportSettings : ISettings
{
    public static string SectionName => "Export";

    /// <summary><c>pipe</c> or <c>tab</c>: the FEC column separator (both allowed by article A47 A-1).</summary>
    public string FecSeparator { get; set; } = "pipe";

    /// <summary>Azure: how long the SAS download links of an export stay valid.</summary>
    public int LinkLifetimeMinutes { get; set; } = 60;

    public Export.FecSeparator Separator => FecSeparator.Equals("tab", StringComparison.OrdinalIgnoreCase) ? Export.FecSeparator.Tab : Export.FecSeparator.Pipe;

    public IEnumerable<string> Validate()
    {
        if (!FecSeparator.Equals("pipe", StringComparison.OrdinalIgnoreCase) && !FecSeparator.Equals("tab", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(FecSeparator))}' must be 'pipe' or 'tab'.";
        }
        if (LinkLifetimeMinutes is < 1 or > 10_080)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(LinkLifetimeMinutes))}' must be between 1 and 10080 (a week).";
        }
    }
}
