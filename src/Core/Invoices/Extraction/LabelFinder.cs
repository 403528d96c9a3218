namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Finds labels in a layout and the places their values can be: the rest of the label's cell and the
/// following cells of its row up to the next label, or else the cell just below it (labels written above
/// their values, as in a totals table).
/// </summary>
internal sealed class LabelFinder
{
    private static readonly string[] ItemHeaderWords = ["designation", "description", "qte", "quantite", "qty", "prix unit", "p.u", "pu ht", "unite", "reference", "article", "libelle", "produit", "prestation", "quantity", "unit price"];

    private readonly DocumentLayout _layout;
    private readonly ExtractionBudget _budget;

    // Per line (by LayoutLine.Index), per cell, the hits ordered by start: every lookup below is a binary
    // search or an index, so the work stays linear in the text however many labels one line holds.
    private readonly LabelHit[][][] _hitsByCell;
    private readonly IReadOnlyList<LabelHit>[] _hitsByLine;
    private readonly bool?[] _itemHeader;
    private readonly LabelHit?[] _firstOther;

    public LabelFinder(DocumentLayout layout, ExtractionBudget budget)
    {
        _layout = layout;
        _budget = budget;
        _hitsByCell = new LabelHit[layout.Lines.Count][][];
        _hitsByLine = new IReadOnlyList<LabelHit>[layout.Lines.Count];
        _itemHeader = new bool?[layout.Lines.Count];
        _firstOther = new LabelHit?[layout.Lines.Count];
        foreach (var line in layout.Lines)
        {
            var byCell = new LabelHit[line.Cells.Count][];
            var hits = new List<LabelHit>();
            for (var c = 0; c < line.Cells.Count; c++)
            {
                byCell[c] = FindInCell(line, c, budget);
                hits.AddRange(byCell[c]);
            }
            _hitsByCell[line.Index] = byCell;
            _hitsByLine[line.Index] = hits;
            _firstOther[line.Index] = hits.Find(h => h.Kind == LabelKind.Other);
            Hits.AddRange(hits);
        }
    }

    public List<LabelHit> Hits { get; } = [];

    public IReadOnlyList<LabelHit> HitsOn(LayoutLine line) => _hitsByLine[line.Index];

    public IReadOnlyList<LabelHit> HitsIn(LayoutLine line, int cellIndex) => _hitsByCell[line.Index][cellIndex];

    /// <summary>The first label of the cell that starts at or after <paramref name="position"/>.</summary>
    private LabelHit? FirstHitFrom(LayoutLine line, int cellIndex, int position)
    {
        var hits = _hitsByCell[line.Index][cellIndex];
        int lo = 0, hi = hits.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (hits[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        _budget.Spend(1);
        return lo < hits.Length ? hits[lo] : null;
    }

    /// <summary>True when a label of another kind ("sur facture F-12", "date de livraison") comes before <paramref name="hit"/> on its line.</summary>
    public bool OtherLabelBefore(LabelHit hit)
    {
        _budget.Spend(1);
        return _firstOther[hit.Line.Index] is { } first && (first.CellIndex < hit.CellIndex || (first.CellIndex == hit.CellIndex && first.Start < hit.Start));
    }

    private static LabelHit[] FindInCell(LayoutLine line, int cellIndex, ExtractionBudget budget)
    {
        var folded = line.Cells[cellIndex].Folded;
        var all = new List<LabelHit>();
        foreach (var rule in LabelDictionary.Rules)
        {
            budget.Spend(folded.Length / 16 + 1);
            foreach (System.Text.RegularExpressions.Match m in rule.Pattern.Matches(folded))
            {
                budget.Spend(1);
                if (m.Length > 0)
                {
                    all.Add(new LabelHit(rule, line, cellIndex, m.Index, m.Index + m.Length));
                }
            }
        }
        // Overlapping labels: the longest wins ("total hors taxes" over "taxes"), then the strongest. Characters
        // already claimed are marked, so each hit is checked against its own span only (labels are short).
        var taken = new bool[folded.Length + 1];
        var kept = new List<LabelHit>();
        foreach (var hit in all.OrderByDescending(h => h.End - h.Start).ThenByDescending(h => h.Rule.Strength).ThenBy(h => h.Start))
        {
            budget.Spend(hit.End - hit.Start);
            var free = true;
            for (var i = hit.Start; i < hit.End && free; i++)
            {
                free = !taken[i];
            }
            if (free)
            {
                Array.Fill(taken, true, hit.Start, hit.End - hit.Start);
                kept.Add(hit);
            }
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return DropQualifiers(folded, kept);
    }

    /// <summary>
    /// A label in parentheses after another label qualifies it and owns no value: in "Nettobetrag (zzgl. 19,00 %
    /// MwSt.) 376,37" or "Total (TVA incluse) 120,00" the amount belongs to the first label.
    /// </summary>
    private static LabelHit[] DropQualifiers(string folded, List<LabelHit> kept)
    {
        if (kept.Count < 2 || !folded.Contains('(', StringComparison.Ordinal))
        {
            return kept.ToArray();
        }
        // One pass: the position of the parenthesis open at each character, or -1.
        var openAt = new int[folded.Length + 1];
        var open = -1;
        for (var i = 0; i < folded.Length; i++)
        {
            open = folded[i] == '(' ? i : folded[i] == ')' ? -1 : open;
            openAt[i] = open;
        }
        var result = new List<LabelHit>(kept.Count);
        foreach (var hit in kept)
        {
            var parenthesis = openAt[hit.Start];
            if (parenthesis >= 0 && result.Count > 0 && result[^1].End <= parenthesis && folded.IndexOf(')', hit.End) > 0)
            {
                continue;
            }
            result.Add(hit);
        }
        return result.ToArray();
    }

    /// <summary>True when the row looks like the header of a line-items table: its labels head columns of item values.</summary>
    public bool IsItemTableHeader(LayoutLine line)
    {
        if (_itemHeader[line.Index] is { } known)
        {
            return known;
        }
        var f = line.Folded;
        _budget.Spend(f.Length / 16 + 1);
        var markers = 0;
        foreach (var word in ItemHeaderWords)
        {
            if (f.Contains(word, StringComparison.Ordinal))
            {
                markers++;
            }
        }
        var header = markers >= 2 || (markers >= 1 && line.Cells.Count >= 4);
        _itemHeader[line.Index] = header;
        return header;
    }

    public IEnumerable<ValueSpot> ValueSpots(LabelHit hit, bool allowBelow = true)
    {
        var line = hit.Line;
        var cell = hit.Cell;
        var next = FirstHitFrom(line, hit.CellIndex, hit.End)?.Start;
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
                _budget.Spend(1);
                var cellHits = HitsIn(line, c);
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
            // Cells of a row are ordered and do not overlap, so the first one reaching the label's column is found by bisection.
            var c = FirstCellReaching(below, cell.Left - tolerance);
            if (c < below.Cells.Count && below.Cells[c].Left <= cell.Right + tolerance)
            {
                var candidate = below.Cells[c];
                var cellHits = HitsIn(below, c);
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

    private int FirstCellReaching(LayoutLine line, double left)
    {
        int lo = 0, hi = line.Cells.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (line.Cells[mid].Right < left)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        _budget.Spend(1);
        return lo;
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
        var next = _layout.Lines[i];
        var tolerance = height * 1.5;
        // Bisection to the first cell under the label, as in ValueSpots: the work stays linear in the row's length.
        for (var c = FirstCellReaching(next, labelCell.Left - tolerance); c < next.Cells.Count && next.Cells[c].Left <= labelCell.Right + tolerance; c++)
        {
            _budget.Spend(1);
            if (IsBareAmount(next.Cells[c].Text))
            {
                // "Acompte : 20,00" under a total's value is another label's value, not the rest of a column.
                var hits = _hitsByLine[next.Index];
                return hits.Count == 0 || hits[0].CellIndex > c;
            }
        }
        return false;
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
