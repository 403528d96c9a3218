using System.Text.RegularExpressions;
using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Reads invoice fields from any engine's output without per-supplier templates: label dictionaries,
/// the page layout (values beside or below their labels), check digits, and arithmetic between the
/// amounts. Engine-recognised fields (Textract) compete with what the text says. Pure and deterministic.
/// </summary>
public sealed partial class InvoiceFieldExtractor : IInvoiceFieldExtractor
{
    [GeneratedRegex(@"facture\s*d'avoir|(?<![a-z'])avoir\s*(?:n\s?[°o]|num|:|#|\d)|^\s*avoir(?=\s+[a-z\-/]*\d)|note\s*de\s*credit|credit\s*note|^\s*avoir\s*$")]
    private static partial Regex CreditNoteTitle();

    [GeneratedRegex(@"tva\s*non\s*applicable|293\s*b|exoneration\s*de\s*tva|exonere\s*de\s*tva|autoliquidation|franchise\s*en\s*base")]
    private static partial Regex VatExempt();

    // Charges outside the VAT base that make TTC ≠ HT + TVA on a correct invoice.
    [GeneratedRegex(@"non\s*soumis|taxe\s*de\s*sejour|debours|hors\s*champ|frais\s*de\s*timbre|eco-?participation|eco-?contribution")]
    private static partial Regex OutsideVat();

    // OCR's marks in a name: a lone consonant capital before the rest of its word ("SAS J ARDINS", "SARL Moreau J ardins";
    // "A", "À", "Y" and vowels are words of their own, "J. Martin" keeps its full stop), or a bracket or bar read for a
    // letter ("LAMBERT] ARDINS"). A text layer's "J ardins" is glued back when the layout is read; Tesseract's words are not.
    [GeneratedRegex(@"(?<![\p{L}'’.])[B-DF-HJ-NP-TV-XZ] (?:\p{Ll}{2,}|\p{Lu}{3,})(?![\p{L}.])|[\[\]{}|\\]")]
    private static partial Regex OcrMarkInName();

    public InvoiceFields Extract(OcrResult ocr) => Extract(ocr, ExtractionBudget.Default());

    /// <exception cref="ExtractionDeadlineExceededException">The document needed more work or time than the budget allows.</exception>
    public InvoiceFields Extract(OcrResult ocr, ExtractionBudget budget)
    {
        ArgumentNullException.ThrowIfNull(ocr);
        ArgumentNullException.ThrowIfNull(budget);
        var layout = DocumentLayout.From(ocr);
        var labels = new LabelFinder(layout, budget);
        var ratesByLine = new Dictionary<int, IReadOnlyList<decimal>>();
        IReadOnlyList<decimal> RatesOn(LayoutLine line)
        {
            if (!ratesByLine.TryGetValue(line.Index, out var rates))
            {
                budget.Spend(line.Text.Length / 16 + 1);
                rates = VatBreakdownReader.RateOf(line.Text);
                ratesByLine[line.Index] = rates;
            }
            return rates;
        }
        var engine = EngineFieldReader.Read(ocr.EngineFields ?? []);
        var clientCells = ClientBlock(layout, labels, budget);
        var folded = string.Join("\n", layout.Lines.Select(l => l.Folded));
        var text = string.Join("\n", layout.Lines.Select(l => l.Text));

        var isCreditNote = layout.Lines.Take(40).Any(l => l.Cells.Any(c => CreditNoteTitle().IsMatch(c.Folded)) || Regex.IsMatch(l.Text, @"(?<![A-Za-z])AVOIR(?![A-Za-z])"));
        var vatExempt = VatExempt().IsMatch(folded);

        var ht = new List<Candidate<decimal>>(engine.Ht);
        var tva = new List<Candidate<decimal>>(engine.Tva);
        var ttc = new List<Candidate<decimal>>(engine.Ttc);
        var statedRates = new List<decimal>();
        foreach (var hit in labels.Hits)
        {
            var target = hit.Kind switch
            {
                LabelKind.AmountHt => ht,
                LabelKind.AmountTva => tva,
                LabelKind.AmountTtc => ttc,
                _ => null,
            };
            if (target is null || labels.IsItemTableHeader(hit.Line))
            {
                continue;
            }
            budget.Spend(1);
            if (hit.Kind == LabelKind.AmountTva)
            {
                statedRates.AddRange(RatesOn(hit.Line));
            }
            AddAmountCandidates(target, hit, labels, layout, budget);
        }

        AddPerRateSum(tva, labels, RatesOn);
        AddSumOfParts(ht, LabelKind.AmountHt, labels);
        AddSumOfParts(tva, LabelKind.AmountTva, labels);
        var breakdown = VatBreakdownReader.Read(layout, labels, budget);
        var outsideVat = layout.Lines.Where(l => OutsideVat().IsMatch(l.Folded)).SelectMany(l => AmountParser.FindAll(l.Text)).Select(a => a.Value).Distinct().ToList();
        var distinctStated = statedRates.Distinct().ToList();
        var totals = TotalsSolver.Solve(ht, tva, ttc, breakdown, distinctStated.Count == 1 ? distinctStated[0] : null, vatExempt, outsideVat);
        if (totals.Tva is not null && breakdown.Count > 0 && Math.Abs(breakdown.Sum(b => b.TaxAmount) - totals.Tva.Value) > 0.011m * breakdown.Count)
        {
            // Rows that looked like VAT lines but do not add up to the VAT total were item rows.
            var single = breakdown.Where(b => b.TaxAmount == totals.Tva.Value).ToList();
            breakdown = single.Count == 1 ? single : [];
        }

        var number = Best(engine.Number.Concat(InvoiceNumberReader.Read(labels)));
        budget.ThrowIfPast();
        var (invoiceDate, dueDate) = ReadDates(layout, labels, engine, clientCells, budget);
        var ids = CompanyIdentifierReader.Read(layout, clientCells, budget);
        var supplier = SupplierReader.Read(layout, labels, clientCells, budget, ids);
        var name = Best(engine.Name.Concat(supplier.Name is null ? [] : [new Candidate<string>(supplier.Name.Value, supplier.Name.Confidence, "text")]));
        if (name is not null && OcrMarkInName().IsMatch(name.Value))
        {
            // "SAS J ARDINS", "LAMBERT] ARDINS": the name is probably right but for a letter or a space, and a supplier
            // account must not be opened under it unseen.
            name = name with { Confidence = Math.Min(name.Confidence, 0.6) };
        }
        var address = Best(engine.Address.Concat(supplier.Address is null ? [] : [new Candidate<string>(supplier.Address.Value, supplier.Address.Confidence, "text")]));
        budget.ThrowIfPast();
        var vat = ids.Vat ?? Best(engine.TaxId.Where(t => Regex.IsMatch(t.Value, @"^[A-Z]{2}[0-9A-Z]{8,12}$")));
        var (currencyCode, currencyConfidence) = CurrencyDetector.Detect(text);
        if (engine.CurrencySymbols.Count > 0 && !Regex.IsMatch(text, @"€|\$|£|EUR|USD|GBP|CHF"))
        {
            currencyCode = engine.CurrencySymbols.GroupBy(s => s).MaxBy(g => g.Count())!.Key;
            currencyConfidence = 0.9;
        }

        var amountHt = totals.Ht;
        var amountTva = totals.Tva;
        var amountTtc = totals.Ttc;
        if (isCreditNote || (amountTtc?.Value < 0))
        {
            isCreditNote = true;
            amountHt = Negative(amountHt);
            amountTva = Negative(amountTva);
            amountTtc = Negative(amountTtc);
            breakdown = breakdown.Select(b => new VatLine(b.Rate, -Math.Abs(b.BaseAmount), -Math.Abs(b.TaxAmount))).ToList();
        }

        if (!isCreditNote && number is null && !labels.Hits.Any(h => h.Kind == LabelKind.InvoiceNumber))
        {
            // Neither the title ("FACTURE N°", "AVOIR N°") nor a number was read — OCR misses white text on a dark
            // band — so whether this is an invoice or a credit note, the amounts' sign, is unknown: not booked unseen.
            amountHt = Doubtful(amountHt);
            amountTva = Doubtful(amountTva);
            amountTtc = Doubtful(amountTtc);
        }

        var fields = new InvoiceFields
        {
            SupplierName = name,
            SupplierVat = vat,
            SupplierSiren = ids.Siren,
            SupplierSiret = ids.Siret,
            SupplierAddress = address,
            InvoiceNumber = number,
            InvoiceDate = invoiceDate,
            DueDate = dueDate,
            AmountHt = amountHt,
            AmountTva = amountTva,
            AmountTtc = amountTtc,
            VatRate = totals.Rate,
            Currency = new(currencyCode, currencyConfidence),
            VatBreakdown = breakdown,
            IsCreditNote = isCreditNote,
        };
        return fields with { Confidence = OverallConfidence(fields, ocr) };
    }

    private static Extracted<decimal>? Doubtful(Extracted<decimal>? amount) =>
        amount is null ? null : amount with { Confidence = Math.Min(amount.Confidence, 0.6) };

    private static Extracted<decimal>? Negative(Extracted<decimal>? amount) =>
        amount is null ? null : amount with { Value = -Math.Abs(amount.Value) };

    private static void AddAmountCandidates(List<Candidate<decimal>> target, LabelHit hit, LabelFinder labels, DocumentLayout layout, ExtractionBudget budget)
    {
        var position = layout.Lines.Count > 1 ? (double)hit.Line.Index / (layout.Lines.Count - 1) : 1;
        var baseScore = hit.Rule.Strength + 0.05 * position;
        var sameLine = new List<(MoneyAmount Amount, ValueSpot Spot)>();
        foreach (var spot in labels.ValueSpots(hit))
        {
            budget.Spend(spot.Text.Length / 16 + 1);
            var amounts = AmountParser.FindAll(spot.Text);
            if (spot.Below)
            {
                if (sameLine.Count == 0 && amounts.Count > 0 && !labels.ColumnContinues(spot, hit.Cell))
                {
                    target.Add(new(amounts[0].Value, baseScore * 0.85 * Math.Clamp(spot.Cell.Confidence + 0.15, 0.3, 1), "below"));
                }
                break;
            }
            sameLine.AddRange(amounts.Select(a => (a, spot)));
        }
        for (var i = 0; i < sameLine.Count; i++)
        {
            var (amount, spot) = sameLine[i];
            var last = i == sameLine.Count - 1;
            target.Add(new(amount.Value, baseScore * (last ? 1 : 0.6) * Math.Clamp(spot.Cell.Confidence + 0.15, 0.3, 1), "line"));
        }
    }

    /// <summary>
    /// Invoices with several rates often print one "TVA r %" line per rate and no VAT total: their sum is
    /// a candidate for the total, which the arithmetic check then accepts or not.
    /// </summary>
    private static void AddPerRateSum(List<Candidate<decimal>> tva, LabelFinder labels, Func<LayoutLine, IReadOnlyList<decimal>> ratesOn)
    {
        var perRate = new Dictionary<decimal, decimal>();
        foreach (var hit in labels.Hits.Where(h => h.Kind == LabelKind.AmountTva && !labels.IsItemTableHeader(h.Line)))
        {
            var rates = ratesOn(hit.Line);
            if (rates.Count != 1 || perRate.ContainsKey(rates[0]))
            {
                continue;
            }
            var amounts = labels.ValueSpots(hit, allowBelow: false).SelectMany(s => AmountParser.FindAll(s.Text)).ToList();
            if (amounts.Count > 0)
            {
                perRate[rates[0]] = amounts[^1].Value;
            }
        }
        if (perRate.Count >= 2)
        {
            tva.Add(new(perRate.Values.Sum(), 0.85, "per-rate sum"));
        }
    }

    /// <summary>
    /// Some invoices split a total into labelled parts and never print the whole: "Positionen netto 804,35" and
    /// "Versandkosten netto 4,99", each with its own VAT line at the same rate. The sum of the labelled lines is one
    /// more candidate; the arithmetic check (HT + TVA = TTC) decides whether it was a split total or a repetition.
    /// </summary>
    private static void AddSumOfParts(List<Candidate<decimal>> target, LabelKind kind, LabelFinder labels)
    {
        var parts = new List<decimal>();
        foreach (var line in labels.Hits
            .Where(h => h.Kind == kind && h.Rule.Strength >= 0.75 && !labels.IsItemTableHeader(h.Line))
            .GroupBy(h => h.Line.Index))
        {
            var amounts = labels.ValueSpots(line.First(), allowBelow: false).SelectMany(s => AmountParser.FindAll(s.Text)).ToList();
            if (amounts.Count > 0)
            {
                parts.Add(amounts[^1].Value);
            }
        }
        if (parts.Count is >= 2 and <= 4 && parts.Distinct().Count() == parts.Count)
        {
            target.Add(new(parts.Sum(), 0.75, "sum of parts"));
        }
    }

    private static (Extracted<DateOnly>? Invoice, Extracted<DateOnly>? Due) ReadDates(
        DocumentLayout layout, LabelFinder labels, EngineFieldReader.Candidates engine, ISet<LayoutCell> clientCells, ExtractionBudget budget)
    {
        var invoice = new List<Candidate<DateOnly>>(engine.Date);
        var due = new List<Candidate<DateOnly>>(engine.Due);
        var labelled = new HashSet<DateOnly>();
        foreach (var hit in labels.Hits.Where(h => h.Kind is LabelKind.InvoiceDate or LabelKind.DueDate or LabelKind.Other))
        {
            // "sur facture F-12 du 20/12/2023": a weak date label after another document's reference is that document's date.
            if (hit.Rule.Strength <= 0.6 && labels.OtherLabelBefore(hit))
            {
                continue;
            }
            foreach (var spot in labels.ValueSpots(hit))
            {
                budget.Spend(spot.Text.Length / 16 + 1);
                var dates = DateParser.FindAll(spot.Text);
                if (dates.Count == 0)
                {
                    continue;
                }
                var date = dates[0].Date;
                labelled.Add(date);
                var score = hit.Rule.Strength * (spot.Below ? 0.85 : 1) * Math.Clamp(spot.Cell.Confidence + 0.15, 0.3, 1);
                if (hit.Kind == LabelKind.InvoiceDate)
                {
                    invoice.Add(new(date, score, "label"));
                }
                else if (hit.Kind == LabelKind.DueDate)
                {
                    due.Add(new(date, score, "label"));
                }
                break;
            }
        }
        if (invoice.Count == 0 && FirstUnlabelledDate(layout, clientCells, labelled) is { } fallback)
        {
            invoice.Add(fallback);
        }
        var invoiceDate = Best(invoice);
        if (invoiceDate is not null && invoice.All(c => c.Value == invoiceDate.Value) && invoice.Any(c => c.Source == "label"))
        {
            // Every labelled reading agrees and nothing competes: a weak label ("Date", "Paris, le") is enough.
            invoiceDate = invoiceDate with { Confidence = Math.Round(Math.Max(invoiceDate.Confidence, Math.Min(0.8, invoice.Max(c => c.Score) + 0.2)), 3) };
        }
        var dueDate = Best(due);
        if (invoiceDate is not null && dueDate is not null && dueDate.Value < invoiceDate.Value)
        {
            dueDate = dueDate with { Confidence = dueDate.Confidence * 0.6 };
        }
        return (invoiceDate, dueDate);
    }

    /// <summary>No label: the first unlabelled date at the top of the document is usually the invoice date.</summary>
    private static Candidate<DateOnly>? FirstUnlabelledDate(DocumentLayout layout, ISet<LayoutCell> clientCells, ISet<DateOnly> labelled)
    {
        foreach (var line in layout.Lines.Take(25))
        {
            foreach (var cell in line.Cells.Where(c => !clientCells.Contains(c)))
            {
                var found = DateParser.FindAll(cell.Text).Select(d => d.Date).Where(d => !labelled.Contains(d)).ToList();
                if (found.Count > 0)
                {
                    return new(found[0], 0.5 * Math.Clamp(cell.Confidence + 0.15, 0.3, 1), "position");
                }
            }
        }
        return null;
    }

    /// <summary>Cells that belong to the addressee: the client label's own cell and the cells under it.</summary>
    private static HashSet<LayoutCell> ClientBlock(DocumentLayout layout, LabelFinder labels, ExtractionBudget budget)
    {
        var cells = new HashSet<LayoutCell>(ReferenceEqualityComparer.Instance);
        // Several client labels in one cell mark the same block: one pass per cell keeps this linear.
        foreach (var hit in labels.Hits.Where(h => h.Kind == LabelKind.Client).DistinctBy(h => h.Cell, ReferenceEqualityComparer.Instance))
        {
            cells.Add(hit.Cell);
            var height = layout.LineHeight(hit.Line.Page);
            // OCR can join "SELLER TRADE NAME" and "CLIENT :" into one cell: the block starts under the label, not under the cell.
            var labelLeft = hit.Cell.Left + (hit.Cell.Right - hit.Cell.Left) * hit.Start / Math.Max(1, hit.Cell.Text.Length);
            foreach (var line in BlockBelow(layout, hit.Line, height))
            {
                foreach (var cell in layout.CellsOverlapping(line, labelLeft - height, Math.Min(hit.Cell.Right + height, labelLeft + height * 6), budget))
                {
                    if (Math.Abs(cell.Left - labelLeft) < height * 6)
                    {
                        cells.Add(cell);
                    }
                }
            }
            var right = hit.Line.Cells.Skip(hit.CellIndex + 1).FirstOrDefault();
            if (right is not null && hit.End >= hit.Cell.Text.Length - 2)
            {
                cells.Add(right);
            }
        }
        // A one-line sender address sits on top of the addressee's window: the block under it is the client.
        foreach (var line in layout.Lines.Take(30))
        {
            foreach (var sender in line.Cells.Take(6).Where(c => SupplierReader.SenderName(c) is not null))
            {
                var height = layout.LineHeight(line.Page);
                foreach (var below in BlockBelow(layout, line, height).Take(6))
                {
                    foreach (var cell in layout.CellsOverlapping(below, sender.Left - height, sender.Left + height * 4, budget))
                    {
                        cells.Add(cell);
                    }
                }
            }
        }
        return cells;
    }

    /// <summary>The lines of a block under <paramref name="top"/>: up to ten lines, ending at a gap of two blank lines.</summary>
    private static IEnumerable<LayoutLine> BlockBelow(DocumentLayout layout, LayoutLine top, double height)
    {
        var previous = top.Top;
        foreach (var line in layout.Lines.Skip(top.Index + 1))
        {
            if (line.Page != top.Page || line.Top - top.Top > height * 10.5 || line.Top - previous > height * 2.5)
            {
                yield break;
            }
            previous = line.Top;
            yield return line;
        }
    }

    private static Extracted<T>? Best<T>(IEnumerable<Candidate<T>> candidates) where T : notnull
    {
        var groups = candidates
            .GroupBy(c => c.Value)
            .Select(g => (Value: g.Key, Score: Math.Min(0.99, g.Max(c => c.Score) + 0.05 * (g.Count() - 1))))
            .OrderByDescending(g => g.Score)
            .ToList();
        if (groups.Count == 0)
        {
            return null;
        }
        var score = groups[0].Score;
        if (groups.Count > 1 && groups[1].Score > score - 0.1)
        {
            // Two different values with almost the same evidence: say so.
            score *= 0.85;
        }
        return new(groups[0].Value, Math.Round(score, 3));
    }

    private static double OverallConfidence(InvoiceFields f, OcrResult ocr)
    {
        (double Weight, double? Confidence)[] parts =
        [
            (3, f.AmountTtc?.Confidence),
            (1, f.AmountHt?.Confidence),
            (1, f.AmountTva?.Confidence),
            (1, f.InvoiceNumber?.Confidence),
            (1, f.InvoiceDate?.Confidence),
            (1, f.SupplierName?.Confidence),
        ];
        var overall = parts.Sum(p => p.Weight * (p.Confidence ?? 0)) / parts.Sum(p => p.Weight);
        if (f.AmountTtc is null)
        {
            overall = Math.Min(overall, 0.5);
        }
        if (ocr.Confidence is > 0 and < 0.6)
        {
            overall *= 0.5 + ocr.Confidence;
        }
        return Math.Round(Math.Clamp(overall, 0, 1), 3);
    }
}
