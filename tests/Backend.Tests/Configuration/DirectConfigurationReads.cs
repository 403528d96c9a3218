using System.Text.RegularExpressions;

namespace Backend.Tests.Configuration;

/// <summary>
/// Finds configuration read directly in source text (indexers, GetSection, GetValue, environment variables) other
/// than the two sanctioned places: <c>AddSettings</c> binding an <c>ISettings</c> section, and the Azure adapters
/// reading <c>AzureConnections</c> keys. Such a read would escape <see cref="CodeSettingKeys"/>, so it is refused.
/// </summary>
public static partial class DirectConfigurationReads
{
    public static IReadOnlyList<string> Find(string file, string source)
    {
        var found = new List<string>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            if (Read().IsMatch(line))
            {
                found.Add($"{file}:{i + 1}: {line.Trim()}");
            }
        }
        return found;
    }

    public static IReadOnlyList<string> FindInDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(file => file, StringComparer.Ordinal)
            .SelectMany(file => Find(Path.GetRelativePath(RepositoryFiles.Root, file), File.ReadAllText(file)))
            .ToList();

    [GeneratedRegex(@"(?ix)
        \b(?:config|configuration|IConfiguration)\s*\[\s*(?!AzureConnections\.)   # indexer not on an AzureConnections key
      | \.GetSection\s*\(\s*(?!TSettings\.SectionName\b)                         # a section other than an ISettings one
      | \b\w*config\w*\s*\.GetValue\s*<                                           # typed direct read (not JsonNode.GetValue)
      | \.GetConnectionString\s*\(
      | \bEnvironment\.GetEnvironmentVariable\s*\(")]
    private static partial Regex Read();
}
