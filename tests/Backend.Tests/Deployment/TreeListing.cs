using System.Security.Cryptography;
using System.Text;

namespace Backend.Tests.Deployment;

/// <summary>Every entry under a directory with its type, mode, link target and SHA-256: equal listings, equal trees.</summary>
public static class TreeListing
{
    public static IReadOnlyList<string> Of(string root)
    {
        var lines = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, path);
            var info = new FileInfo(path);
            var mode = OperatingSystem.IsWindows() ? "" : Convert.ToString((int)File.GetUnixFileMode(path), 8);
            if (info.LinkTarget is { } target)
            {
                lines.Add($"{relative} link {target}");
            }
            else if (Directory.Exists(path))
            {
                lines.Add($"{relative} dir {mode}");
            }
            else
            {
                using var stream = File.OpenRead(path);
                lines.Add($"{relative} file {mode} {info.LastWriteTimeUtc:O} {Convert.ToHexString(SHA256.HashData(stream))}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static string Diff(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var text = new StringBuilder();
        foreach (var line in before.Except(after))
        {
            text.AppendLine("- " + line);
        }
        foreach (var line in after.Except(before))
        {
            text.AppendLine("+ " + line);
        }
        return text.ToString();
    }
}
