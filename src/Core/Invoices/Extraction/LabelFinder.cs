namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Finds labels in a layout and the places their values can be: the rest of the label's cell and the
/// following cells of its row up to the next label, or else the cell just below it (labels written above
/// their values, as in a totals table).
/// </summary>
internal sealed class LabelFinder
{
    private readonly DocumentLayout _layout;
    private readonly Dictionary<LayoutLine, List<LabelHit>> _hitsByLine = [];

    public LabelFinder(DocumentLayout layout)
    {
        _layout = layout;
        foreach (var line in layout.Lines)
        {
            var hits = new List<LabelHit>();
            for (var c = 0; c < line.Cells.Count; c++)
            {
                hits.AddRange(FindInCell(line, c));
            }
            _hitsByLine[line] = hits;
            Hits.AddRange(hits);
        }
    }

    public List<LabelHit> Hits { get; } = [];

    public IReadOnlyList<LabelHit> HitsOn(LayoutLine line) => _hitsByLine.GetValueOrDefault(line) ?? [];

    private static IEnumerable<LabelHit> FindInCell(LayoutLine line, int cellIndex)
    {
        var folded = line.Cells[cellIndex].Folded;
        var all = new List<LabelHit>();
        foreach (var rule in LabelDictionary.Rules)
        {
            foreach (System.Text.RegularExpressions.Match m in rule.Pattern.Matches(folded))
            {
                if (m.Length > 0)
                {
                    all.Add(new LabelHit(rule, line, cellIndex, m.Index, m.Index + m.Length));
                }
            }
        }
        // Overlapping labels: the longest wins ("total hors taxes" over "taxes"), then the strongest.
        var kept = new List<LabelHit>();
        foreach (var hit in all.OrderByDescending(h => h.End - h.Start).ThenByDescending(h => h.Rule.Strength))
        {
            if (!kept.Any(k => k.Start < hit.End && hit.Start < k.End))
            {
                kept.Add(hit);
            }
        }
        return kept.OrderBy(h => h.Start);
    }

    /// <summary>True when the row looks like the header of a line-items table: its labels head columns of item values.</summary>
    public bool IsItemTableHeader(LayoutLine line)
    {
        var f = line.Folded;
        var markers = 0;
        foreach (var word in new[] { "designation", "description", "qte", "quantite", "qty", "prix unit", "p.u", "pu ht", "unite", "reference", "article", "libelle", "produit", "prestation", "quantity", "unit price" })
        {
            if (f.Contains(word, StringComparison.Ordinal))
            {
                markers++;
            }
        }
        return markers >= 2 || (markers >= 1 && line.Cells.Count >= 4);
    }

    public IEnumerable<ValueSpot> ValueSpots(LabelHit hit, bool allowBelow = true)
    {
        var line = hit.Line;
        var hits = HitsOn(line);
        var cell = hit.Cell;
        var next = hits.Where(h => h.CellIndex == hit.CellIndex && h.Start >= hit.End).Select(h => (int?)h.Start).FirstOrDefault();
        var rest = cell.Text[hit.End..(next ?? cell.Text.Length)];
        var sameLine = new List<ValueSpot>();
        if (!string.IsNullOrWhiteSpace(TrimSeparators(rest)))
        {
            sameLine.Add(new ValueSpot(TrimSeparators(rest), cell, false, 0, line));
        }
        if (next is null)
        {
            for (var c = hit.CellIndex + 1; c < line.Cells.Count; c++)
            {
                var cellHits = hits.Where(h => h.CellIndex == c).ToList();
                if (cellHits.Count > 0)
                {
                    var before = line.Cells[c].Text[..cellHits[0].Start];
                    if (!string.IsNullOrWhiteSpace(TrimSeparators(before)))
                    {
                        sameLine.Add(new ValueSpot(TrimSeparators(before), line.Cells[c], false, c - hit.CellIndex, line));
                    }
                    break;
                }
                sameLine.Add(new ValueSpot(TrimSeparators(line.Cells[c].Text), line.Cells[c], false, c - hit.CellIndex, line));
            }
        }
        foreach (var spot in sameLine)
        {
            yield return spot;
        }
        // A label followed at once by another label ("en date du") has its value after that label, not below.
        if (!allowBelow || (sameLine.Count == 0 && next is not null))
        {
            yield break;
        }
        var height = _layout.LineHeight(line.Page);
        var tolerance = height * 1.5;
        var distance = 0;
        for (var i = line.Index + 1; i < _layout.Lines.Count && distance < 3; i++)
        {
            var below = _layout.Lines[i];
            if (below.Page != line.Page || below.Top - line.Top > height * 4.5)
            {
                yield break;
            }
            distance++;
            var belowHits = HitsOn(below);
            for (var c = 0; c < below.Cells.Count; c++)
            {
                var candidate = below.Cells[c];
                if (!cell.OverlapsHorizontally(candidate, tolerance))
                {
                    continue;
                }
                var cellHits = belowHits.Where(h => h.CellIndex == c).ToList();
                if (cellHits.Count > 0 && cellHits[0].Start <= 1)
                {
                    // Another label sits under this one: a list of labels, not a header over its values.
                    yield break;
                }
                yield return new ValueSpot(TrimSeparators(candidate.Text), candidate, true, distance, below);
                yield break;
            }
        }
    }

    /// <summary>True when the column under <paramref name="spot"/> goes on with more values: a table's rows, not a total under its label.</summary>
    public bool ColumnContinues(ValueSpot spot, LayoutCell labelCell)
    {
        var height = _layout.LineHeight(spot.Line.Page);
        var i = spot.Line.Index + 1;
        if (i >= _layout.Lines.Count || _layout.Lines[i].Page != spot.Line.Page || _layout.Lines[i].Top - spot.Line.Top > height * 2.5)
        {
            return false;
        }
        return _layout.Lines[i].Cells.Any(c => c.OverlapsHorizontally(labelCell, height * 1.5) && IsBareAmount(c.Text));
    }

    private static bool IsBareAmount(string text)
    {
        var amounts = AmountParser.FindAll(text);
        if (amounts.Count != 1)
        {
            return false;
        }
        var rest = text.Remove(amounts[0].Start, amounts[0].Length);
        return rest.Count(char.IsLetter) < 4;
    }

    private static string TrimSeparators(string s) => s.Trim().TrimStart(':', '.', '-', '=', ' ', '\u00A0', '\u202F', '|').Trim();
}
