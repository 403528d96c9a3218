using Backend.Tests.Configuration;

namespace Backend.Tests.EInvoices;

/// <summary>
/// The e-invoice files the tests read: the EU examples kept in TestData (so the repository stands alone) plus, when
/// <c>../shared</c> sits beside the repository, every file there; the real invoices of <c>tests/data/real-invoices</c>.
/// Files are keyed by their path under the set, so a copy and its original count once.
/// </summary>
internal static class EInvoiceFiles
{
    private static string TestData => Path.Combine(AppContext.BaseDirectory, "EInvoices", "TestData");

    private static string? Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", relative));
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>EN 16931 examples: relative name ("cii/CII_example1.xml") → full path.</summary>
    public static IReadOnlyDictionary<string, string> EuExamples() =>
        Collect(Path.Combine(TestData, "eu"), Shared("einvoice"), "*.xml", "*.XML");

    /// <summary>Real Factur-X PDFs: relative name → full path; each has its expected values beside it (.json).</summary>
    public static IReadOnlyDictionary<string, string> RealInvoices() =>
        Collect(Path.Combine(RepositoryFiles.Root, "tests", "data", "real-invoices"), null, "*.pdf");

    public static TheoryData<string> Names(IReadOnlyDictionary<string, string> files)
    {
        var data = new TheoryData<string>();
        foreach (var name in files.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }
        return data;
    }

    private static Dictionary<string, string> Collect(string local, string? shared, params string[] patterns)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in new[] { local, shared }.OfType<string>().Where(Directory.Exists))
        {
            foreach (var pattern in patterns)
            {
                foreach (var file in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
                {
                    files.TryAdd(Path.GetRelativePath(root, file).Replace('\\', '/'), file);
                }
            }
        }
        return files;
    }
}
