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

    // Block headings printed where a name could stand: "BÉNÉFICIAIRE", "Représentant fiscal", "Remit to".
    [GeneratedRegex(@"^(?:beneficiaire|representant\s*fiscal|destinataire|expediteur|emetteur|vendeur|acheteur|titulaire(?:\s*du\s*compte)?|coordonnees(?:\s*bancaires)?|domiciliation|observations?|remarques?|mentions?(?:\s*legales)?|recapitulatif|payee|remit\s*to|seller|buyer|supplier|vendor|beneficiary|account\s*holder|empfanger|kontoinhaber|lieferant|beneficiario|begunstigde|leverancier)\s*:?$")]
    private static partial Regex BlockHeading();

    [GeneratedRegex(@"\b\d{5}\s+[A-Za-zÀ-ÿ]")]
    private static partial Regex PostalCity();

    [GeneratedRegex(@"capital|rcs|siret|siren|tva intra")]
    private static partial Regex LegalFooter();

    public sealed record Supplier(Extracted<string>? Name, Extracted<string>? Address);

    // Words that make a cell part of an address rather than a name.
    [GeneratedRegex(@"^\d|\b\d{4,5}\b|(?<![a-z])(?:rue|avenue|av\.|bd|boulevard|chemin|allee|place|impasse|route|quai|cours|street|st\.|road|rd\.|lane|strasse|straße|str\.|weg|platz|via|viale|piazza|calle|avda|plaza|straat|laan|plein|cedex|bp|cs|zone|za|zi|zac|zae|parc\s*d'activites?|batiment|bat\.|residence|immeuble|lieu-dit|lotissement|hameau)(?![a-z])")]
    private static partial Regex AddressLike();

    [GeneratedRegex(@"siret|siren|rcs|r\.c\.s|capital|tva\s*intra|n\s?°\s*tva|numero\s*de\s*tva|ust\.?\s*-?\s*id|steuer\s*-?\s*nr|vat\s*(?:no|number|reg|id)|iban|btw|partita\s*iva|p\.\s*iva|cif|nif|kvk|handelsregister|hrb")]
    private static partial Regex LegalMention();

    public static Supplier Read(DocumentLayout layout, LabelFinder labels, ISet<LayoutCell> clientCells, ExtractionBudget budget, CompanyIdentifierReader.Identifiers? ids = null)
    {
        var candidates = new List<(string Name, double Score, LayoutLine Line, LayoutCell Cell)>();
        candidates.AddRange(FromLegalMentions(layout, clientCells, budget, ids));
        candidates.AddRange(FromSenderLine(layout, clientCells, budget));
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
                if (clientCells.Contains(cell) || !LooksLikeName(cell.Text) || IsMostlyLabel(labels, line, c) || IsPlaceholder(cell.Folded))
                {
                    continue;
                }
                var name = Clean(cell.Text);
                var folded = cell.Folded;
                if (c + 1 < line.Cells.Count && IsBareLegalForm(line.Cells[c + 1].Folded))
                {
                    // OCR left a gap before the legal form: "Chevalier Plomberie" | "EURL" is one name.
                    name = Clean(cell.Text + " " + line.Cells[c + 1].Text);
                    folded = TextFold.Fold(name);
                }
                var score = 0.62 - 0.05 * Math.Min(rank, 6);
                if (LegalForm().IsMatch(folded))
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
        // The same name found by several routes (top of the page, beside the VAT number, in the footer) is surer.
        var grouped = candidates
            .GroupBy(c => TextFold.Fold(c.Name))
            .Select(g => (Best: g.MaxBy(c => c.Score), Score: g.Max(c => c.Score) + 0.05 * (g.Select(c => c.Cell).Distinct().Count() - 1)))
            .OrderByDescending(g => g.Score)
            .ToList();
        var best = grouped[0].Best;
        var bestScore = grouped[0].Score;
        if (grouped.Count > 1 && grouped[1].Score > bestScore - 0.08)
        {
            // Two names with almost the same evidence: say so.
            bestScore -= 0.1;
        }
        return new Supplier(new(best.Name, Math.Round(Math.Clamp(bestScore, 0, 0.97), 3)), ReadAddress(layout, best.Line, best.Cell));
    }

    /// <summary>
    /// The seller is the party whose legal mentions are printed: from each cell holding the supplier's VAT
    /// number or SIREN (or, failing those, a legal mention outside the client block), walk up its column to the
    /// name that heads the block — the name printed beside the VAT number, above its address.
    /// </summary>
    private static IEnumerable<(string Name, double Score, LayoutLine Line, LayoutCell Cell)> FromLegalMentions(
        DocumentLayout layout, ISet<LayoutCell> clientCells, ExtractionBudget budget, CompanyIdentifierReader.Identifiers? ids)
    {
        var needles = new List<string>();
        if (ids?.Vat is { } vat && vat.Value.Length > 4)
        {
            needles.Add(Regex.Replace(vat.Value[2..], "[^0-9A-Z]", ""));
        }
        if (ids?.Siren is { } siren)
        {
            needles.Add(siren.Value);
        }
        var anchors = new List<(LayoutLine Line, LayoutCell Cell, bool ById)>();
        foreach (var line in layout.Lines.Take(400))
        {
            foreach (var cell in line.Cells.Take(12))
            {
                budget.Spend(cell.Text.Length / 16 + 1);
                if (clientCells.Contains(cell) || cell.Folded.Contains("client", StringComparison.Ordinal))
                {
                    continue;
                }
                var compact = Regex.Replace(cell.Text.ToUpperInvariant(), "[^0-9A-Z]", "");
                var byId = needles.Any(n => compact.Contains(n, StringComparison.Ordinal));
                if (byId || (needles.Count == 0 && LegalMention().IsMatch(cell.Folded)))
                {
                    anchors.Add((line, cell, byId));
                }
            }
        }
        foreach (var (line, cell, byId) in anchors.Take(8))
        {
            var found = false;
            foreach (var named in WalkUp(layout, line, cell, clientCells, budget))
            {
                found = true;
                yield return named with { Score = named.Score * (byId ? 1 : 0.9) };
            }
            if (!found && LegalFooter().IsMatch(cell.Folded))
            {
                // A footer line "ACME SARL au capital de 10 000 € - RCS Paris 123 456 789": the name opens it.
                var first = Regex.Split(cell.Text, @"\s[-–|•·]\s|,\s|\s+au\s+capital|\s+capital|\s+RCS|\s+SIRE[NT]", RegexOptions.IgnoreCase)[0];
                if (LooksLikeName(first) && LegalForm().IsMatch(TextFold.Fold(first)))
                {
                    yield return (Clean(first), byId ? 0.8 : 0.7, line, cell);
                }
            }
        }
    }

    private static IEnumerable<(string Name, double Score, LayoutLine Line, LayoutCell Cell)> WalkUp(
        DocumentLayout layout, LayoutLine anchorLine, LayoutCell anchor, ISet<LayoutCell> clientCells, ExtractionBudget budget)
    {
        var height = layout.LineHeight(anchorLine.Page);
        var previousTop = anchorLine.Top;
        var names = new List<(string Name, double Score, LayoutLine Line, LayoutCell Cell)>();
        var belowIsAddress = false;
        for (var i = anchorLine.Index - 1; i >= 0 && anchorLine.Index - i <= 14; i--)
        {
            var line = layout.Lines[i];
            // A blank line between the identifiers and the address is common; on a scan a line height is the words' height,
            // about three quarters of the line pitch, so the gap allowed is wider than it looks.
            if (line.Page != anchorLine.Page || previousTop - line.Top > height * 4.5)
            {
                break;
            }
            var cell = layout.CellsOverlapping(line, anchor.Left - height * 2, anchor.Left + height * 2, budget)
                .FirstOrDefault(c => Math.Abs(c.Left - anchor.Left) < height * 4);
            if (cell is null)
            {
                continue;
            }
            previousTop = line.Top;
            if (clientCells.Contains(cell))
            {
                break;
            }
            var folded = cell.Folded;
            if (AddressLike().IsMatch(folded) && !LegalForm().IsMatch(folded))
            {
                belowIsAddress = true;
                continue;
            }
            if (LooksLikeName(cell.Text) && !IsPlaceholder(folded))
            {
                var score = 0.8 - 0.02 * names.Count + (LegalForm().IsMatch(folded) ? 0.12 : 0) + (belowIsAddress ? 0.08 : 0);
                if (IsSentence(Clean(cell.Text)))
                {
                    score *= 0.8;
                }
                names.Add((Clean(cell.Text), score * Math.Clamp(cell.Confidence + 0.1, 0.3, 1), line, cell));
            }
            belowIsAddress = false;
        }
        return names;
    }

    /// <summary>
    /// The sender line printed above a window envelope's address (DIN 5008 and many French layouts):
    /// "weclapp.com | Somestreet 42 | 08155 Some city" — its first part is the seller.
    /// </summary>
    private static IEnumerable<(string Name, double Score, LayoutLine Line, LayoutCell Cell)> FromSenderLine(
        DocumentLayout layout, ISet<LayoutCell> clientCells, ExtractionBudget budget)
    {
        foreach (var line in layout.Lines.Take(30))
        {
            foreach (var cell in line.Cells.Take(6))
            {
                budget.Spend(cell.Text.Length / 16 + 1);
                if (!clientCells.Contains(cell) && SenderName(cell) is { } name)
                {
                    yield return (name, 0.82, line, cell);
                }
            }
        }
    }

    /// <summary>The seller's name when <paramref name="cell"/> is a one-line sender address "Name | street | postal code city".</summary>
    public static string? SenderName(LayoutCell cell)
    {
        if (cell.Text.Length > 120 || cell.Text.Length < 12)
        {
            return null;
        }
        var parts = Regex.Split(cell.Text, @"\s[|•·]\s|\s-\s|,\s");
        return parts.Length >= 3 && PostalCity().IsMatch(cell.Text + " ") && LooksLikeName(parts[0]) && !AddressLike().IsMatch(TextFold.Fold(parts[0]))
            ? Clean(parts[0])
            : null;
    }

    // "EURL" alone is the end of a name OCR cut in two, not a name.
    private static bool IsBareLegalForm(string folded)
    {
        var match = LegalForm().Match(folded);
        return match.Success && folded.Trim(' ', '.', ',', '-').Length == match.Length;
    }

    // "LOGO", "VOTRE LOGO ICI": an image's placeholder, not a name.
    private static bool IsPlaceholder(string folded) => Regex.IsMatch(folded, @"^(?:votre\s*)?logo(?![a-z])");

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
        var folded = TextFold.Fold(t);
        if (BlockHeading().IsMatch(folded) || IsBareLegalForm(folded))
        {
            return false;
        }
        var letters = t.Count(char.IsLetter);
        return letters >= 2 && letters >= t.Length * 0.6;
    }

    private static string Clean(string text) => Regex.Replace(text.Trim().Trim(',', ';', '-', '|'), @"\s+", " ");
}
