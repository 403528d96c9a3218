using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Finds who issued the invoice: a "Fournisseur :" label when there is one, else the first name-like
/// cell at the top of the first page outside the client block, preferring a name with a legal form
/// (SARL, SAS...) or one repeated in the legal footer (capital, RCS, SIRET).
/// </summary>
internal static partial class SupplierReader
{
    [GeneratedRegex(@"(?<![a-z])(?:sarl|sas|sasu|eurl|sa|sci|snc|scop|selarl|selas|eirl|ei|sarlu|ltd|limited|gmbh|inc|llc|bv|srl|s\.a\.r\.l|s\.a\.s|s\.a)(?![a-z])")]
    private static partial Regex LegalForm();

    [GeneratedRegex(@"@|www\.|https?:|(?:^|\s)(?:tel|tél|fax|mob|port)\b|\+33|(?:\d{2}[ .]){4}\d{2}|\b\d{5}\b|siret|siren|rcs|capital|iban|bic|page\s*\d|^\d|^(?:facture|avoir|invoice|devis|credit note|note de credit)(?:\s|$)|^(?:date|n°|no\.?|ref|client|total|montant)(?![a-zà-ÿ])", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"\b\d{5}\s+[A-Za-zÀ-ÿ]")]
    private static partial Regex PostalCity();

    [GeneratedRegex(@"capital|rcs|siret|siren|tva intra")]
    private static partial Regex LegalFooter();

    public sealed record Supplier(Extracted<string>? Name, Extracted<string>? Address);

    public static Supplier Read(DocumentLayout layout, LabelFinder labels, ISet<LayoutCell> clientCells, ExtractionBudget budget)
    {
        var candidates = new List<(string Name, double Score, LayoutLine Line, LayoutCell Cell)>();
        foreach (var hit in labels.Hits.Where(h => h.Kind == LabelKind.Supplier))
        {
            foreach (var spot in labels.ValueSpots(hit))
            {
                if (LooksLikeName(spot.Text))
                {
                    var line = layout.Lines.FirstOrDefault(l => l.Cells.Contains(spot.Cell)) ?? hit.Line;
                    candidates.Add((Clean(spot.Text), 0.85, line, spot.Cell));
                    break;
                }
            }
        }
        // Bounded: the legal lines of a real invoice are a few short lines, and every candidate name is looked up in them.
        var footerText = string.Join("\n", layout.Lines.Where(l => LegalFooter().IsMatch(l.Folded)).Take(40).Select(l => l.Folded.Length > 400 ? l.Folded[..400] : l.Folded));
        var firstPage = layout.Lines.Where(l => l.Page == layout.Lines[0].Page).Take(14).ToList();
        var rank = 0;
        foreach (var line in firstPage)
        {
            if (labels.IsItemTableHeader(line))
            {
                // The issuer is named above the items, never below their header.
                break;
            }
            // The issuer's name is in one of a header row's first cells, never in its fortieth.
            for (var c = 0; c < Math.Min(line.Cells.Count, 8); c++)
            {
                budget.Spend(line.Cells[c].Text.Length / 16 + 1);
                var cell = line.Cells[c];
                if (clientCells.Contains(cell) || !LooksLikeName(cell.Text) || IsMostlyLabel(labels, line, c))
                {
                    continue;
                }
                var name = Clean(cell.Text);
                var score = 0.62 - 0.05 * Math.Min(rank, 6);
                if (LegalForm().IsMatch(cell.Folded))
                {
                    score += 0.25;
                }
                if (IsSentence(name))
                {
                    score *= 0.7;
                }
                if (footerText.Contains(TextFold.Fold(name), StringComparison.Ordinal))
                {
                    score += 0.3;
                }
                score *= Math.Clamp(cell.Confidence + 0.1, 0.3, 1);
                candidates.Add((name, score, line, cell));
                rank++;
            }
        }
        if (candidates.Count == 0)
        {
            foreach (var line in layout.Lines.Where(l => LegalFooter().IsMatch(l.Folded)))
            {
                var first = Regex.Split(line.Text, @"\s[-–|•·]\s|,\s").FirstOrDefault(s => LegalForm().IsMatch(TextFold.Fold(s)) && LooksLikeName(s));
                if (first is not null)
                {
                    candidates.Add((Clean(first), 0.5, line, line.Cells[0]));
                    break;
                }
            }
        }
        if (candidates.Count == 0)
        {
            return new Supplier(null, null);
        }
        var best = candidates.MaxBy(c => c.Score);
        return new Supplier(new(best.Name, Math.Round(Math.Min(0.97, best.Score), 3)), ReadAddress(layout, best.Line, best.Cell));
    }

    // "Montants exprimés en euros" is a sentence; "Transports de la Loire" is a name.
    private static bool IsSentence(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Count(w => char.IsLower(w[0]) && w.Length > 3 && w is not ("chez" or "pour" or "sous" or "dans")) >= 1;

    private static bool IsMostlyLabel(LabelFinder labels, LayoutLine line, int cellIndex) =>
        labels.HitsIn(line, cellIndex).Sum(h => h.End - h.Start) * 2 > line.Cells[cellIndex].Text.Trim().Length;

    private static Extracted<string>? ReadAddress(DocumentLayout layout, LayoutLine nameLine, LayoutCell nameCell)
    {
        var parts = new List<string>();
        var height = layout.LineHeight(nameLine.Page);
        for (var i = nameLine.Index + 1; i < layout.Lines.Count && parts.Count < 4; i++)
        {
            var line = layout.Lines[i];
            if (line.Page != nameLine.Page || line.Top - nameLine.Top > height * (parts.Count + 3))
            {
                break;
            }
            var cell = line.Cells.FirstOrDefault(c => c.OverlapsHorizontally(nameCell, height) && Math.Abs(c.Left - nameCell.Left) < height * 4);
            if (cell is null)
            {
                break;
            }
            if (Regex.IsMatch(cell.Folded, @"@|tel|fax|siret|siren|tva|www|\+33|(?:\d{2}[ .]){4}\d{2}"))
            {
                break;
            }
            parts.Add(cell.Text.Trim());
            if (PostalCity().IsMatch(cell.Text))
            {
                return new(string.Join(", ", parts), 0.8);
            }
        }
        return null;
    }

    private static bool LooksLikeName(string text)
    {
        var t = text.Trim();
        if (t.Length < 2 || t.Length > 60 || NotAName().IsMatch(t) || t.Contains(':'))
        {
            return false;
        }
        var letters = t.Count(char.IsLetter);
        return letters >= 2 && letters >= t.Length * 0.6;
    }

    private static string Clean(string text) => Regex.Replace(text.Trim().Trim(',', ';', '-', '|'), @"\s+", " ");
}
