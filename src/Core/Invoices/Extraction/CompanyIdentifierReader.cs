using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Finds VAT numbers, SIRET and SIREN anywhere in the text, keeps those whose check digits hold, and tells
/// the supplier's from the client's by where they stand (the client block, a "client" label) and by
/// agreement between them (a VAT number built on the SIREN printed in the footer).
/// </summary>
internal static partial class CompanyIdentifierReader
{
    [GeneratedRegex(@"(?<![A-Z0-9])FR\s?(?<key>[0-9A-Z]{2})\s?(?<siren>\d{3}\s?\d{3}\s?\d{3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchVat();

    [GeneratedRegex(@"(?<![A-Z0-9])(?<vat>DE\s?\d{9}|BE\s?0?\d{3}[.\s]?\d{3}[.\s]?\d{3}|ES\s?[A-Z0-9]\d{7}[A-Z0-9]|IT\s?\d{11}|NL\s?\d{9}B\d{2}|LU\s?\d{8}|ATU\s?\d{8}|PT\s?\d{9}|IE\s?\d{7}[A-Z]{1,2}|GB\s?\d{3}\s?\d{4}\s?\d{2}|CHE[-\s]?\d{3}\.?\d{3}\.?\d{3}(?:\s?(?:TVA|MWST|IVA))?|DK\s?\d{8}|PL\s?\d{10}|SE\s?\d{12}|FI\s?\d{8}|CZ\s?\d{8,10}|EL\s?\d{9})(?![A-Z0-9])")]
    private static partial Regex EuVat();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{3}\s?\d{3}\s?\d{3}\s?\d{5})(?!\d)")]
    private static partial Regex Siret();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{3}\s?\d{3}\s?\d{3})(?![\d])")]
    private static partial Regex Siren();

    public sealed record Identifiers(Extracted<string>? Vat, Extracted<string>? Siren, Extracted<string>? Siret);

    public static Identifiers Read(DocumentLayout layout, ISet<LayoutCell> clientCells, ExtractionBudget budget)
    {
        var vats = new List<Candidate<string>>();
        var sirets = new List<Candidate<string>>();
        var sirens = new List<Candidate<string>>();
        foreach (var line in layout.Lines)
        {
            budget.Spend(line.Folded.Length / 16 + 1);
            var lineVatLabel = Regex.IsMatch(line.Folded, @"tva|t\.v\.a|vat|intra|identification");
            foreach (var cell in line.Cells)
            {
                budget.Spend(cell.Text.Length / 16 + 1);
                var client = clientCells.Contains(cell) || cell.Folded.Contains("client", StringComparison.Ordinal);
                var penalty = client ? 0.6 : 0;
                var vatLabel = lineVatLabel;
                foreach (Match m in FrenchVat().Matches(cell.Text))
                {
                    var vat = ("FR" + OcrDigits(m.Groups["key"].Value, m.Groups["siren"].Value.Replace(" ", "")) + m.Groups["siren"].Value).Replace(" ", "").ToUpperInvariant();
                    var valid = CompanyIdentifiers.IsValidFrenchVat(vat);
                    vats.Add(new(vat, (valid ? 0.8 : 0.35) + (vatLabel ? 0.1 : 0) - penalty, "text"));
                }
                foreach (Match m in EuVat().Matches(cell.Text))
                {
                    var vat = Regex.Replace(m.Groups["vat"].Value.ToUpperInvariant(), @"[\s.]", "");
                    // Check digits where the country defines them: a number that fails them is probably misread.
                    var check = CompanyIdentifiers.IsValidEuVat(vat) switch { true => 0.1, false => -0.25, null => 0 };
                    vats.Add(new(vat, (vatLabel ? 0.8 : 0.55) + check - penalty, "text"));
                }
                foreach (Match m in Siret().Matches(cell.Text))
                {
                    var digits = m.Groups["d"].Value.Replace(" ", "");
                    if (CompanyIdentifiers.IsValidSiret(digits))
                    {
                        sirets.Add(new(digits, 0.85 + (cell.Folded.Contains("siret", StringComparison.Ordinal) ? 0.1 : 0) - penalty, "text"));
                    }
                }
                if (Regex.IsMatch(cell.Folded, @"siren|rcs|r\.c\.s"))
                {
                    foreach (Match m in Siren().Matches(cell.Text))
                    {
                        var digits = m.Groups["d"].Value.Replace(" ", "");
                        if (CompanyIdentifiers.IsValidSiren(digits))
                        {
                            sirens.Add(new(digits, 0.9 - penalty, "text"));
                        }
                    }
                }
            }
        }
        var siret = Best(sirets);
        var siren = Best(sirens);
        if (siren is null && siret is not null)
        {
            siren = new(siret.Value[..9], siret.Confidence);
        }
        // The supplier's VAT number is the one built on the supplier's SIREN, when the invoice prints both.
        if (siren is not null)
        {
            vats = vats.Select(v => v.Value.EndsWith(siren.Value, StringComparison.Ordinal) ? v with { Score = Math.Min(1, v.Score + 0.25) } : v).ToList();
        }
        var vatBest = Best(vats);
        if (siren is null && vatBest is not null && vatBest.Value.StartsWith("FR", StringComparison.Ordinal) && CompanyIdentifiers.IsValidFrenchVat(vatBest.Value))
        {
            var fromVat = vatBest.Value[4..];
            if (CompanyIdentifiers.IsValidSiren(fromVat))
            {
                siren = new(fromVat, vatBest.Confidence * 0.9);
            }
        }
        return new Identifiers(vatBest, siren, siret);
    }

    /// <summary>OCR reads 0 as O and 1 as I or l in the key; take the digits when they make the key check.</summary>
    private static string OcrDigits(string key, string siren)
    {
        var digits = key.ToUpperInvariant().Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return digits != key.ToUpperInvariant() && digits.All(char.IsAsciiDigit) && CompanyIdentifiers.IsValidFrenchVat("FR" + digits + siren) ? digits : key;
    }

    private static Extracted<string>? Best(List<Candidate<string>> candidates)
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        // The first mention with the best score: the supplier's block comes first on French invoices.
        var best = candidates
            .GroupBy(c => c.Value)
            .Select(g => (Value: g.Key, Score: g.Max(c => c.Score) + 0.02 * (g.Count() - 1)))
            .OrderByDescending(g => g.Score)
            .First();
        return best.Score < 0.35 ? null : new(best.Value, Math.Round(Math.Clamp(best.Score, 0, 0.99), 3));
    }
}
