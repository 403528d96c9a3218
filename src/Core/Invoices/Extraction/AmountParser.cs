using System.Globalization;
using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Reads amounts as French invoices write them: <c>1 234,56 €</c>, <c>1.234,56</c>, <c>1234.56</c>,
/// <c>€ 1,234.56</c>, thin or non-breaking spaces between thousands, a leading minus or parentheses.
/// A separator followed by exactly one or two digits is the decimal mark; followed by three, a grouping.
/// </summary>
internal static partial class AmountParser
{
    // Dates, percentages, long digit runs (SIRET, IBAN, phone) and "x 3" quantities are blanked before
    // looking for amounts so their digits are never read as money.
    [GeneratedRegex(@"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d+(?:[.,]\d+)?\s?%|\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,}|(?:\d[ .]?){10,}\d|\b\d{2}(?:[ .]\d{2}){4}\b|\+\d{2,3}[ \d]{8,}")]
    private static partial Regex NotMoney();

    [GeneratedRegex(@"(?<![\w.,])(?<neg>[-−–(]\s?)?(?<cur1>€|\$|£|EUR|USD|GBP|CHF)?\s?(?<num>\d{1,3}(?:[ \u00A0\u202F'.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\d]|[.,]\d)(?<tail>\s?(?<cur2>€|EUR|USD|GBP|CHF|\$|£|euros?\b))?(?<close>\))?", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    public static IReadOnlyList<MoneyAmount> FindAll(string text)
    {
        var masked = NotMoney().Replace(text, m => new string(' ', m.Length));
        var found = new List<MoneyAmount>();
        foreach (Match m in Amount().Matches(masked))
        {
            if (!TryParseNumber(m.Groups["num"].Value, out var value, out var hasDecimals))
            {
                continue;
            }
            var neg = m.Groups["neg"].Value.Trim();
            if (neg == "(" && !m.Groups["close"].Success)
            {
                neg = "";
            }
            if (neg.Length > 0)
            {
                value = -value;
            }
            var cur = CurrencyDetector.FromSymbol(m.Groups["cur1"].Success ? m.Groups["cur1"].Value : m.Groups["cur2"].Value);
            found.Add(new MoneyAmount(value, m.Index, m.Length, cur, hasDecimals));
        }
        return found;
    }

    /// <summary>Parses one amount string, e.g. a Textract value "$1,810.46" or "1 200,00 €".</summary>
    public static decimal? TryParse(string text)
    {
        var all = FindAll(text);
        if (all.Count == 0)
        {
            return null;
        }
        // The widest match is the amount; stray digits around it (a "x2") are not.
        return all.MaxBy(a => a.Length)!.Value;
    }

    internal static bool TryParseNumber(string raw, out decimal value, out bool hasDecimals)
    {
        var s = raw.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\'', ' ');
        var lastSep = s.LastIndexOfAny([',', '.']);
        hasDecimals = false;
        string digits;
        if (lastSep >= 0 && s.Length - lastSep - 1 is 1 or 2)
        {
            hasDecimals = true;
            var intPart = s[..lastSep].Replace(" ", "").Replace(".", "").Replace(",", "");
            digits = intPart + "." + s[(lastSep + 1)..];
        }
        else
        {
            digits = s.Replace(" ", "").Replace(".", "").Replace(",", "");
        }
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
