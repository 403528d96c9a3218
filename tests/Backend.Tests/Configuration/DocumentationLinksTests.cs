using System.Text.RegularExpressions;

namespace Backend.Tests.Configuration;

/// <summary>The repository stands alone: every relative link of README.md and docs/*.md names a file or folder inside it.</summary>
public sealed partial class DocumentationLinksTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Order())
        {
            documents.Add("docs/" + Path.GetFileName(file));
        }
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_resolves_inside_the_repository(string document)
    {
        var text = RepositoryFiles.Read(document);
        var directory = Path.GetDirectoryName(RepositoryFiles.PathOf(document))!;
        var root = Path.GetFullPath(RepositoryFiles.Root) + Path.DirectorySeparatorChar;
        var broken = new List<string>();
        foreach (var target in MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value))
        {
            if (target.StartsWith('#') || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }
            var path = Uri.UnescapeDataString(target.Split('#')[0]);
            var full = Path.GetFullPath(Path.Combine(directory, path));
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                broken.Add($"{target} (outside the repository)");
            }
            else if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{target} (no such file)");
            }
        }
        // Plain-text pointers to the workspace's design and seeds send a reader out of the repository too.
        foreach (var outside in new[] { "../shared/ARCHITECTURE.md", "../shared/seeds" })
        {
            if (text.Contains(outside, StringComparison.Ordinal))
            {
                broken.Add($"{outside} (mentioned)");
            }
        }
        Assert.True(broken.Count == 0, $"{document}: {string.Join(", ", broken)}");
    }

    [Fact]
    public void The_readme_links_to_the_architecture_and_the_api_contract()
    {
        var readme = RepositoryFiles.Read("README.md");
        Assert.Contains("(docs/ARCHITECTURE.md)", readme);
        Assert.Contains("(docs/API.md)", readme);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();
}
