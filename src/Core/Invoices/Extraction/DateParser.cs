using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>Reads dates in the styles French invoices use: 15/01/2024, 15.01.2024, 15-01-24, 15 janvier 2024, 1er mars 2024, 2024-01-15.</summary>
internal static partial class DateParser
{
    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})|(?<d>\d{1,2})\s?[/.\-]\s?(?<m>\d{1,2})\s?[/.\-]\s?(?<y>\d{4}|\d{2})|(?<d>\d{1,2})(?:er)?\s*(?<mn>janv(?:ier)?|f[eé]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t?|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[eé]c(?:embre)?|jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june|jun|july|jul|aug(?:ust)?|sep(?:tember)?|october|november|december)\.?\s*(?<y>\d{4})|(?<mn>janv(?:ier)?|f[eé]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t?|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[eé]c(?:embre)?|jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june|jun|july|jul|aug(?:ust)?|sep(?:tember)?|october|november|december)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4}))(?!\d)", RegexOptions.IgnoreCase)]
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
        "jan" => 1,
        "fev" or "feb" => 2,
        "mar" => 3,
        "avr" or "apr" => 4,
        "mai" or "may" => 5,
        "jui" => name.StartsWith("juil", StringComparison.Ordinal) ? 7 : 6,
        "jun" => 6,
        "jul" => 7,
        "aou" or "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };
}
