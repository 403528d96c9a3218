using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>Reads dates as European invoices write them: 15/01/2024, 15.01.2024, 15-01-24, 2024-01-15, 15 janvier 2024, 1er mars 2024, 1. März 2024, 1 de julio de 2025, 3 luglio 2025, July 1, 2025.</summary>
internal static partial class DateParser
{
    // Month names and abbreviations in French, English, German, Spanish, Italian and Dutch (accents optional).
    private const string Month = @"(?<mn>janv(?:ier)?|f[eé]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t?|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[eé]c(?:embre)?"
        + @"|jan(?:uary|uar|uari)?|feb(?:ruary|ruar|ruari)?|march|mar|m[aä]rz|maart|april|apr|may|mei|june|juni|junio|jun|july|juli|julio|jul|aug(?:ust|ustus)?|sep(?:tember)?|october|okt(?:ober)?|november|december|dez(?:ember)?"
        + @"|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|octubre|noviembre|diciembre|dic"
        + @"|gennaio|gen|febbraio|aprile|maggio|mag|giugno|giu|luglio|lug|settembre|set|ottobre|ott|dicembre)";

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})|(?<d>\d{1,2})\s?[/.\-]\s?(?<m>\d{1,2})\s?[/.\-]\s?(?<y>\d{4}|\d{2})|(?<d>\d{1,2})(?:er|\.|st|nd|rd|th)?\s*(?:de\s+)?" + Month + @"\.?\s*(?:de\s+|del\s+)?(?<y>\d{4})|" + Month + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4}))(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    public static IReadOnlyList<(DateOnly Date, int Start, int Length)> FindAll(string text)
    {
        var found = new List<(DateOnly, int, int)>();
        foreach (Match m in DatePattern().Matches(text))
        {
            var day = int.Parse(m.Groups["d"].Value);
            var year = int.Parse(m.Groups["y"].Value);
            if (year < 100)
            {
                year += 2000;
            }
            var month = m.Groups["mn"].Success ? MonthNumber(TextFold.Fold(m.Groups["mn"].Value)) : int.Parse(m.Groups["m"].Value);
            if (month is < 1 or > 12 || year is < 1990 or > 2100 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }
            found.Add((new DateOnly(year, month, day), m.Index, m.Length));
        }
        return found;
    }

    public static DateOnly? TryParse(string text)
    {
        var all = FindAll(text);
        return all.Count > 0 ? all[0].Date : null;
    }

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" or "ene" or "gen" => 1,
        "fev" or "feb" => 2,
        "mar" or "maa" => 3,
        "avr" or "apr" or "abr" => 4,
        "mai" or "may" or "mei" or "mag" => 5,
        "jui" => name.StartsWith("juil", StringComparison.Ordinal) ? 7 : 6,
        "jun" or "giu" => 6,
        "jul" or "lug" => 7,
        "aou" or "aug" or "ago" => 8,
        "sep" or "set" => 9,
        "oct" or "okt" or "ott" => 10,
        "nov" => 11,
        "dec" or "dez" or "dic" => 12,
        _ => 0,
    };
}
