using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>Reads the invoice number: the first token with a digit after a "Facture n°"-like label, never a date.</summary>
internal static partial class InvoiceNumberReader
{
    [GeneratedRegex(@"(?<![\w])(?<t>[A-Za-z0-9][A-Za-z0-9\-_/.#]*\d[A-Za-z0-9\-_/.]*|\d)(?![\w])")]
    private static partial Regex TokenPattern();

    // OCR often splits a short prefix from its digits: "F 24/5808" for "F24/5808".
    [GeneratedRegex(@"^([A-Z]{1,3}) (?=\d)")]
    private static partial Regex SplitPrefix();

    public static string? Token(string text)
    {
        // A number is at most 25 characters and comes first: a bounded window keeps the token search linear.
        text = text.TrimStart();
        text = SplitPrefix().Replace(text.Length > 200 ? text[..200] : text, "$1");
        foreach (Match m in TokenPattern().Matches(text))
        {
            var token = m.Groups["t"].Value.TrimEnd('.', '/', '-');
            if (token.Length > 25 || DateParser.FindAll(token).Any(d => d.Length >= token.Length - 1) || AmountLooking(token, text, m))
            {
                continue;
            }
            return token.TrimStart('#');
        }
        return null;
    }

    // "1 200,00 €" after a bare "N°" label is an amount, not a number.
    private static bool AmountLooking(string token, string text, Match m) =>
        Regex.IsMatch(token, @"^\d{1,3}(?:,\d{2})$") || Regex.IsMatch(text[(m.Index + m.Length)..], @"^\s?(?:€|eur|%)", RegexOptions.IgnoreCase);

    public static IEnumerable<Candidate<string>> Read(LabelFinder labels)
    {
        foreach (var hit in labels.Hits.Where(h => h.Kind == LabelKind.InvoiceNumber))
        {
            foreach (var spot in labels.ValueSpots(hit))
            {
                var token = Token(spot.Text);
                if (token is null)
                {
                    continue;
                }
                var score = hit.Rule.Strength * (spot.Below ? 0.85 : 1) * (spot.Distance > 1 ? 0.9 : 1) * Math.Clamp(spot.Cell.Confidence + 0.15, 0.3, 1);
                // The number usually has letters or separators or at least 3 digits; a lone "1" rarely is one.
                if (token.Length < 3)
                {
                    score *= 0.6;
                }
                yield return new(token, score, "label");
                break;
            }
        }
    }
}
