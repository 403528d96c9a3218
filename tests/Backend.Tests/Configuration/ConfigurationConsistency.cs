using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>
/// Compares the keys the code reads with the keys each source lists. Each problem names the source and the key,
/// so a failing test says exactly what to add or remove where.
/// </summary>
public sealed class ConfigurationConsistency(IReadOnlyList<SettingKey> codeKeys)
{
    public const string LocalSource = LocalSettingsPath;
    public const string SelfHostSource = SelfHostSettingsPath;

    public static string BicepSource(App app) => $"{BicepPath} (app settings of module {BicepAppModule[app]})";

    public List<string> Check(IReadOnlyList<string> localKeys, IReadOnlyList<string> selfHostKeys, IReadOnlyDictionary<App, IReadOnlyList<string>> bicepKeys)
    {
        var problems = new List<string>();

        foreach (var section in codeKeys.Select(k => k.Section).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!AppSections.ContainsKey(section) && !SelfHostOnlySections.Contains(section))
            {
                problems.Add($"Section '{section}' is read by the code but ConfigurationSources.AppSections does not say which app needs it.");
            }
        }

        problems.AddRange(Compare(LocalSource, localKeys, codeKeys, LocalHostSettings));

        var selfHostReads = codeKeys.Where(k => !AzureOnlySections.Contains(k.Section)).ToList();
        var selfHostSettings = selfHostKeys.Where(k => !SelfHostFrameworkSections.Contains(k.Split(SettingKey.Separator)[0], StringComparer.OrdinalIgnoreCase)).ToList();
        problems.AddRange(Compare(SelfHostSource, selfHostSettings, selfHostReads, []));

        foreach (var (app, keys) in bicepKeys)
        {
            var appReads = codeKeys.Where(k => AppsReading(k).Contains(app)).ToList();
            problems.AddRange(Compare(BicepSource(app), keys, appReads, BicepHostSettings));
        }
        return problems;
    }

    /// <summary>Every key the reader needs is in the source, and every key in the source is one the reader reads.</summary>
    private static IEnumerable<string> Compare(string source, IReadOnlyList<string> sourceKeys, IReadOnlyList<SettingKey> reads, IReadOnlyList<string> hostKeys)
    {
        foreach (var key in reads.Where(key => !sourceKeys.Any(key.Matches)))
        {
            yield return $"{source}: missing '{key}'.";
        }
        foreach (var hostKey in hostKeys.Where(h => !sourceKeys.Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{source}: missing the host setting '{hostKey}'.";
        }
        foreach (var key in sourceKeys.Where(k => !hostKeys.Contains(k, StringComparer.OrdinalIgnoreCase) && !reads.Any(read => read.Matches(k))))
        {
            yield return $"{source}: '{key}' is not read by the code that uses this source.";
        }
        foreach (var duplicate in sourceKeys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"{source}: '{duplicate.Key}' is listed {duplicate.Count()} times.";
        }
    }
}
