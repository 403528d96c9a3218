using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Where on the page each extracted field was read, from the engine's own positions: Textract's field geometry when
/// the engine recognised the field itself, otherwise the words (Tesseract TSV boxes, <c>pdftotext -bbox</c>, Textract
/// WORD blocks) that spell the extracted value. When a value is printed more than once, the copy beside its label
/// (same row to the left, or just above) wins, then the last one for amounts (totals close an invoice) and the first
/// for the rest. Keys are the names of <c>fieldConfidences</c>. A field found nowhere simply has no position.
/// </summary>
public static class FieldLocator
{
    private sealed record Match(int Page, int Start, int Count, PageBox Box, double LabelScore, double Top);

    public static IReadOnlyDictionary<string, PageBox> Locate(InvoiceFields fields, OcrResult ocr)
    {
        var pages = ocr.Pages
            .Select(p => (Page: p, Words: p.Words.Count > 0 ? p.Words : p.TextLayerWords))
            .Where(p => p.Words.Count > 0 && p.Page.Width > 0 && p.Page.Height > 0)
            .ToList();
        var result = new Dictionary<string, PageBox>(StringComparer.Ordinal);

        void Amount(string name, Extracted<decimal>? field, string[] engineTypes, string[] labels)
        {
            if (field is null)
            {
                return;
            }
            var value = Math.Abs(field.Value);
            bool Matches(string text) => AmountParser.TryParse(text) is { } v && Math.Abs(v) == value;
            Put(name, FromEngine(ocr, engineTypes, Matches) ?? Best(pages, 4, Matches, labels, preferLast: true, isAmount: true));
        }

        void Date(string name, Extracted<DateOnly>? field, string[] engineTypes, string[] labels)
        {
            if (field is null)
            {
                return;
            }
            bool Matches(string text) => DateParser.TryParse(text) == field.Value;
            Put(name, FromEngine(ocr, engineTypes, Matches) ?? Best(pages, 4, Matches, labels, preferLast: false, isAmount: false));
        }

        void Text(string name, Extracted<string>? field, string[] engineTypes, string[] labels)
        {
            var wanted = Compact(field?.Value ?? "");
            if (wanted.Length < 3)
            {
                return;
            }
            bool Matches(string text) => Compact(text).Contains(wanted, StringComparison.Ordinal);
            var words = field!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Put(name, FromEngine(ocr, engineTypes, Matches) ?? Best(pages, words + 2, Matches, labels, preferLast: false, isAmount: false, wanted));
        }

        void Put(string name, PageBox? box)
        {
            if (box is not null)
            {
                result[name] = box;
            }
        }

        Amount("amountTTC", fields.AmountTtc, ["TOTAL", "AMOUNT_DUE", "AMOUNT_PAID"], ["ttc", "total", "payer", "net", "due", "montant"]);
        Amount("amountHT", fields.AmountHt, ["SUBTOTAL"], ["ht", "hors", "subtotal", "netto"]);
        Amount("amountTVA", fields.AmountTva, ["TAX"], ["tva", "taxe", "tax", "vat", "mwst"]);
        Text("invoiceNumber", fields.InvoiceNumber, ["INVOICE_RECEIPT_ID"], ["facture", "n°", "no", "numero", "invoice", "ref", "rechnung"]);
        Date("invoiceDate", fields.InvoiceDate, ["INVOICE_RECEIPT_DATE"], ["date", "du", "le", "emise", "datum"]);
        Date("dueDate", fields.DueDate, ["DUE_DATE"], ["echeance", "due", "avant", "payable", "limite"]);
        Text("supplierName", fields.SupplierName, ["VENDOR_NAME"], []);
        Text("supplierVAT", fields.SupplierVat, ["TAX_PAYER_ID", "VENDOR_VAT_NUMBER"], ["tva", "vat", "intracommunautaire", "ust-idnr"]);
        Text("supplierSiret", fields.SupplierSiret, [], ["siret"]);
        Text("supplierSiren", fields.SupplierSiren, [], ["siren", "rcs"]);
        return result;
    }

    private static PageBox? FromEngine(OcrResult ocr, string[] types, Func<string, bool> matches) =>
        ocr.EngineFields
            .Where(f => f.Box is not null && types.Contains(f.Type, StringComparer.OrdinalIgnoreCase) && matches(f.Value))
            .OrderBy(f => Array.FindIndex(types, t => t.Equals(f.Type, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(f => f.Confidence)
            .Select(f => f.Box)
            .FirstOrDefault();

    private static PageBox? Best(List<(OcrPage Page, IReadOnlyList<OcrWord> Words)> pages, int maxWords, Func<string, bool> matches,
        string[] labels, bool preferLast, bool isAmount, string? within = null)
    {
        var found = new List<Match>();
        foreach (var (page, words) in pages)
        {
            for (var start = 0; start < words.Count; start++)
            {
                for (var count = 1; count <= maxWords && start + count <= words.Count; count++)
                {
                    if (!SameRow(words, start, count))
                    {
                        break;
                    }
                    if (!matches(string.Join(' ', Enumerable.Range(start, count).Select(i => words[i].Text))))
                    {
                        continue;
                    }
                    if (isAmount && PartOfLargerNumber(words, start, count))
                    {
                        break;
                    }
                    var span = Enumerable.Range(start, count).Select(i => words[i]).ToList();
                    var box = PageBox.FromUnits(page.Number, span.Min(w => w.Left), span.Min(w => w.Top),
                        span.Max(w => w.Left + w.Width), span.Max(w => w.Top + w.Height), page.Width, page.Height);
                    if (box is not null && count == 1 && within is not null)
                    {
                        box = Narrow(box, Compact(words[start].Text), within);
                    }
                    if (box is not null)
                    {
                        found.Add(new Match(page.Number, start, count, box, LabelScore(words, span, labels), span.Min(w => w.Top)));
                    }
                    break;
                }
            }
        }
        // A window that holds a smaller matching window only adds neighbours ("Total 1 200,00" around "1 200,00").
        var minimal = found.Where(m => !found.Any(o => o != m && o.Page == m.Page && o.Start >= m.Start
            && o.Start + o.Count <= m.Start + m.Count && o.Count < m.Count)).ToList();
        if (minimal.Count == 0)
        {
            return null;
        }
        var labelled = minimal.Where(m => m.LabelScore > 0).ToList();
        var pool = labelled.Count > 0 ? labelled : minimal;
        var ordered = pool.OrderBy(m => m.Page).ThenBy(m => m.Top).ThenBy(m => m.Start);
        return (preferLast ? ordered.Last() : ordered.First()).Box;
    }

    /// <summary>
    /// An engine may glue a value to its label ("N°FAC-2024-0042"): the value's share of the word's characters stands
    /// for its share of the word's width.
    /// </summary>
    private static PageBox Narrow(PageBox box, string word, string value)
    {
        var at = word.IndexOf(value, StringComparison.Ordinal);
        if (at <= 0 && value.Length == word.Length)
        {
            return box;
        }
        var left = box.Left + box.Width * at / word.Length;
        var width = box.Width * value.Length / word.Length;
        return box with { Left = Math.Round(left, 4), Width = Math.Round(width, 4) };
    }

    /// <summary>The words read left to right at one height, as one printed value is.</summary>
    private static bool SameRow(IReadOnlyList<OcrWord> words, int start, int count)
    {
        var first = words[start];
        for (var i = start + 1; i < start + count; i++)
        {
            var w = words[i];
            var centre = w.Top + w.Height / 2.0;
            if (centre < first.Top - first.Height / 2.0 || centre > first.Top + first.Height * 1.5 || w.Left < words[i - 1].Left)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"200,00" inside "1 200,00": a group of digits right before it, a space apart, makes it a larger amount.</summary>
    private static bool PartOfLargerNumber(IReadOnlyList<OcrWord> words, int start, int count)
    {
        if (start == 0)
        {
            return false;
        }
        var previous = words[start - 1];
        var first = words[start];
        var gap = first.Left - (previous.Left + previous.Width);
        return previous.Text.Length <= 3 && previous.Text.All(char.IsAsciiDigit) && gap >= 0 && gap < first.Height * 0.8
            && Math.Abs(previous.Top + previous.Height / 2.0 - (first.Top + first.Height / 2.0)) < first.Height / 2.0;
    }

    /// <summary>1 when one of the field's labels is a word on the value's row to its left, or on the row just above it.</summary>
    private static double LabelScore(IReadOnlyList<OcrWord> words, List<OcrWord> span, string[] labels)
    {
        if (labels.Length == 0)
        {
            return 0;
        }
        var top = span.Min(w => w.Top);
        var bottom = span.Max(w => w.Top + w.Height);
        var left = span.Min(w => w.Left);
        var right = span.Max(w => w.Left + w.Width);
        var height = bottom - top;
        foreach (var w in words)
        {
            if (span.Contains(w))
            {
                continue;
            }
            var centre = w.Top + w.Height / 2.0;
            var besideLeft = centre >= top && centre <= bottom && w.Left + w.Width <= left + 1;
            var above = w.Top + w.Height <= top + 1 && w.Top + w.Height >= top - height * 2.5 && w.Left <= right && w.Left + w.Width >= left;
            if ((besideLeft || above) && labels.Contains(Token(w.Text), StringComparer.Ordinal))
            {
                return 1;
            }
        }
        return 0;
    }

    private static string Token(string text) => TextFold.Fold(text).Trim(':', '.', ',', ';', '(', ')', '*', '#');

    private static string Compact(string text) =>
        new(TextFold.Fold(text).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
