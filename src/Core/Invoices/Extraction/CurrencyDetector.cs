using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>Finds the invoice currency from the symbols and ISO codes written in it; EUR when none is named.</summary>
internal static partial class CurrencyDetector
{
    [GeneratedRegex(@"€|\$|£|\b(?:EUR|USD|GBP|CHF|CAD|JPY|euros?|dollars?|livres? sterling|francs? suisses?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyToken();

    [GeneratedRegex(@"\b(?:devise|currency|monnaie)\s*:?\s*(?<code>[A-Z]{3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredCurrency();

    public static string? FromSymbol(string symbol) => TextFold.Fold(symbol.Trim()) switch
    {
        "€" or "eur" or "euro" or "euros" => "EUR",
        "$" or "usd" or "dollar" or "dollars" => "USD",
        "£" or "gbp" or "livre sterling" or "livres sterling" => "GBP",
        "chf" or "franc suisse" or "francs suisses" => "CHF",
        "cad" => "CAD",
        "jpy" => "JPY",
        _ => null,
    };

    /// <returns>The code and a confidence: a declared "Devise : USD" beats a majority of symbols, which beats the EUR default.</returns>
    public static (string Code, double Confidence) Detect(string text)
    {
        var declared = DeclaredCurrency().Match(text);
        if (declared.Success && FromSymbol(declared.Groups["code"].Value) is { } code)
        {
            return (code, 0.97);
        }
        var counts = new Dictionary<string, int>();
        foreach (Match m in CurrencyToken().Matches(text))
        {
            if (FromSymbol(m.Value) is { } c)
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }
        if (counts.Count == 0)
        {
            return ("EUR", 0.8);
        }
        var best = counts.MaxBy(kv => kv.Value);
        var total = counts.Values.Sum();
        return (best.Key, best.Value == total ? 0.97 : 0.6 + 0.35 * best.Value / total);
    }
}
