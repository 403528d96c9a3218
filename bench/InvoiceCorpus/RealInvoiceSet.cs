using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backend.Core.Invoices.Extraction;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// The real Factur-X invoices (<c>tests/data/real-invoices</c>, a copy of the workplace's <c>shared/real-invoices</c>
/// with its README and licences; each PDF with a <c>.json</c> truth read from its embedded XML), split
/// deterministically into a development two-thirds and a held-out third by a hash of the file name, so tuning on one
/// side never sees the other.
/// </summary>
public static partial class RealInvoiceSet
{
    /// <summary>Where the set lives, relative to the repository root.</summary>
    public const string RelativeDirectory = "tests/data/real-invoices";

    // The FNFE samples exist as F2022… and F2026… copies with the same lines and totals: one group, one side.
    [GeneratedRegex(@"F20(?:22|26)(?=\d{4})")]
    private static partial Regex SampleVersion();

    public static string DefaultDirectory(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, RelativeDirectory));

    /// <exception cref="DirectoryNotFoundException">The set is absent; the message says where it was expected.</exception>
    public static IReadOnlyList<RealInvoice> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Real invoice set not found at {directory} (expected tests/data/real-invoices, with <name>.pdf and <name>.json truth files).");
        }
        var invoices = new List<RealInvoice>();
        foreach (var pdf in Directory.GetFiles(directory, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var truthPath = Path.ChangeExtension(pdf, ".json");
            if (!File.Exists(truthPath))
            {
                continue;
            }
            var name = Path.GetRelativePath(directory, pdf).Replace('\\', '/');
            using var document = JsonDocument.Parse(File.ReadAllText(truthPath));
            var root = document.RootElement;
            string? S(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            decimal? M(string key) => S(key) is { } s ? decimal.Parse(s, CultureInfo.InvariantCulture) : null;
            DateOnly? D(string key) => S(key) is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var ttc = M("amountTTC") ?? 0;
            var truth = new GroundTruth(
                name, 0, 1,
                S("supplierName") ?? "", S("supplierVAT"), "", "", "",
                S("invoiceNumber") ?? "", D("invoiceDate") ?? default, D("dueDate"),
                M("amountHT") ?? 0, M("amountTVA") ?? 0, ttc, M("tvaRate"), S("currency") ?? "EUR",
                ttc < 0, Array.Empty<VatLine>());
            invoices.Add(new RealInvoice(pdf, name, truth, S("language") ?? "fr", IsHeldOut(name)));
        }
        return invoices;
    }

    /// <summary>A third of the set by the first byte of SHA-256 of the file name (FNFE version folded), fixed forever.</summary>
    public static bool IsHeldOut(string name)
    {
        var key = SampleVersion().Replace(Path.GetFileNameWithoutExtension(name), "F20xx");
        return SHA256.HashData(Encoding.UTF8.GetBytes(key))[0] % 3 == 0;
    }
}
