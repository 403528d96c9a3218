using System.Globalization;
using System.Text;

namespace Backend.Core.Accounting;

/// <summary>
/// The one place that maps what an invoice is about to a PCG expense account. Keywords are matched as whole
/// words, without accents or case, first against the supplier's name, then against the invoice text.
/// </summary>
public static class ExpenseAccountTable
{
    public sealed record Rule(string Account, string Name, IReadOnlyList<string> Keywords);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("626", "Frais postaux et de télécommunications",
            ["orange", "sfr", "bouygues telecom", "free mobile", "freebox", "telecom", "telecoms", "telecommunications",
             "telephone", "telephonie", "internet", "fibre", "forfait mobile", "la poste", "affranchissement"]),
        new("6061", "Fournitures non stockables (eau, énergie)",
            ["edf", "engie", "totalenergies", "electricite", "energie", "gaz", "kwh", "veolia", "eau potable", "carburant", "gazole"]),
        new("6064", "Fournitures administratives",
            ["fournitures de bureau", "fournitures administratives", "papeterie", "ramette", "ramettes", "toner",
             "cartouche", "cartouches", "stylos", "lyreco", "office depot", "bureau vallee", "enveloppes"]),
        new("6226", "Honoraires",
            ["honoraires", "expert comptable", "expertise comptable", "avocat", "avocats", "notaire", "huissier",
             "commissaire aux comptes", "mission de conseil"]),
        new("6132", "Locations immobilières",
            ["loyer", "loyers", "bail commercial", "location de bureaux", "location immobiliere", "charges locatives", "foncia", "nexity"]),
        new("6251", "Voyages et déplacements",
            ["sncf", "air france", "billet de train", "billet d avion", "hotel", "nuitee", "nuitees", "deplacement",
             "deplacements", "voyage", "ibis", "uber", "taxi", "peage"]),
        new("6241", "Transports sur achats",
            ["transport", "transports", "livraison", "frais de port", "fret", "transporteur", "chronopost", "dhl", "fedex",
             "ups", "colissimo", "geodis", "messagerie express"]),
        new("6156", "Maintenance",
            ["abonnement", "saas", "maintenance", "logiciel", "microsoft 365", "office 365", "google workspace", "adobe",
             "ovh", "hebergement", "nom de domaine", "support technique"]),
        new("651", "Redevances pour concessions, brevets, licences, logiciels",
            ["licence", "licences", "redevance", "droits d utilisation", "brevet"]),
        new("607", "Achats de marchandises",
            ["marchandises", "marchandise", "revente", "grossiste", "metro cash"]),
    ];

    /// <summary>The expense account for an invoice, or null when no keyword matches.</summary>
    public static Rule? Match(string? supplierName, string? text)
    {
        // A supplier's name is the strongest signal ("EDF" is energy whatever the lines say).
        var supplier = Normalize(supplierName);
        foreach (var rule in Rules)
        {
            if (rule.Keywords.Any(k => ContainsWord(supplier, k)))
            {
                return rule;
            }
        }
        var body = Normalize(text);
        if (body.Length == 0)
        {
            return null;
        }
        Rule? best = null;
        var bestHits = 0;
        foreach (var rule in Rules)
        {
            var hits = rule.Keywords.Sum(k => CountWord(body, k));
            if (hits > bestHits)
            {
                best = rule;
                bestHits = hits;
            }
        }
        return best;
    }

    /// <summary>Lower case, no accents, words separated by single spaces: "Électricité  d'EDF" → "electricite d edf".</summary>
    internal static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length + 2);
        builder.Append(' ');
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }
        return builder.ToString();
    }

    // Normalized text starts and ends with a space, so " keyword " is a whole-word match.
    private static bool ContainsWord(string normalized, string keyword) =>
        normalized.Contains($" {keyword} ", StringComparison.Ordinal);

    private static int CountWord(string normalized, string keyword)
    {
        var needle = $" {keyword} ";
        var count = 0;
        // Overlapping matches share their separating space, so the search restarts on it.
        for (var at = normalized.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(needle, at + needle.Length - 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
