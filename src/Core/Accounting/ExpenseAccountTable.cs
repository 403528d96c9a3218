using System.Globalization;
using System.Text;
using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Accounting;

/// <summary>
/// The one place that maps what an invoice is about to a PCG account. Keywords are matched as whole words, without
/// accents or case: first against the supplier's name, then against the invoice's wording, where the item lines
/// count three times as much as the rest and incidental phrases ("Franco de port", "Adresse de livraison", an
/// e-mail address) count for nothing (<see cref="InvoiceWording"/>).
/// </summary>
public static class ExpenseAccountTable
{
    public sealed record Rule(string Account, string Name, IReadOnlyList<string> Keywords);

    /// <summary>Below this HT, equipment is a charge (6063), not a fixed asset (2183): the usual tolerance of the French tax administration.</summary>
    public const decimal AssetThreshold = 500m;

    /// <summary>The account equipment under <see cref="AssetThreshold"/> goes to.</summary>
    public const string SmallEquipmentAccount = "6063";

    // Order breaks ties: the more specific account first.
    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("626", "Frais postaux et de télécommunications",
            ["orange", "sfr", "bouygues telecom", "free mobile", "freebox", "telecom", "telecoms", "telecommunications",
             "telephone", "telephonie", "internet", "fibre", "forfait mobile", "la poste", "affranchissement", "affranchissements",
             "timbres", "lettre recommandee", "postage"]),
        new("6061", "Fournitures non stockables (eau, énergie)",
            ["edf", "engie", "totalenergies", "electricite", "energie", "gaz", "kwh", "veolia", "eau potable", "carburant", "gazole",
             "diesel", "dizel", "essence", "petrol", "fuel", "strom"]),
        new("6064", "Fournitures administratives",
            ["fournitures de bureau", "fournitures administratives", "papeterie", "ramette", "ramettes", "toner",
             "cartouche", "cartouches", "stylo", "stylos", "lyreco", "office depot", "bureau vallee", "enveloppes",
             "fournitures papier", "printing paper", "pen", "pens", "buromaterial"]),
        new("6181", "Documentation générale",
            ["abonnement presse", "journal", "journaux", "newspaper", "paper subscription", "magazine", "revue", "revues",
             "livre", "livres", "book", "books", "documentation"]),
        new("6226", "Honoraires",
            ["honoraires", "expert comptable", "expertise comptable", "avocat", "avocats", "notaire", "huissier",
             "commissaire aux comptes", "mission de conseil", "conseil", "consulting", "audit", "beratung"]),
        new("6228", "Rémunérations d'intermédiaires et honoraires - divers (formation)",
            ["formation", "formations", "seminaire", "training", "coaching", "schulung"]),
        new("611", "Sous-traitance générale",
            ["sous traitance", "sous traitant", "faconnage", "subcontracting"]),
        new("604", "Achats d'études et prestations de services",
            ["etude", "etudes", "developpement", "sur mesure", "prestation de services", "integration", "parametrage",
             "installation", "configuration", "mise en service"]),
        new("6132", "Locations immobilières",
            ["loyer", "loyers", "bail commercial", "location de bureaux", "location immobiliere", "charges locatives", "foncia", "nexity",
             "rental of premises", "miete"]),
        new("6135", "Locations mobilières",
            ["location de materiel", "location de vehicule", "location longue duree", "lld", "leasing", "leasingrate", "finanzrate",
             "leasingnummer", "mietwagen", "location de voiture", "credit bail"]),
        new("6251", "Voyages et déplacements",
            ["sncf", "air france", "billet de train", "billet d avion", "hotel", "nuitee", "nuitees", "deplacement",
             "deplacements", "voyage", "ibis", "uber", "taxi", "peage", "flugschein", "flug", "flight", "taxe de sejour"]),
        new("6241", "Transports sur achats",
            ["transport", "transports", "frais de port", "frais d expedition", "frais de livraison", "livraison express", "fret",
             "transporteur", "chronopost", "dhl", "fedex", "ups", "colissimo", "geodis", "messagerie express", "versandkosten", "shipping"]),
        new("6152", "Entretien et réparations sur biens immobiliers",
            ["plomberie", "plombier", "chauffe eau", "chauffage", "electricien", "peinture", "renovation", "menuiserie", "serrurerie",
             "travaux", "main d oeuvre"]),
        new("6156", "Maintenance",
            ["abonnement logiciel", "saas", "maintenance", "logiciel", "microsoft 365", "office 365", "google workspace", "adobe",
             "ovh", "hebergement", "hosting", "cloud", "subscription", "infogerance", "nom de domaine", "support technique", "prestation support", "support"]),
        new("651", "Redevances pour concessions, brevets, licences, logiciels",
            ["licence", "licences", "license", "licenses", "licentie", "licentiekosten", "lizenz", "redevance", "droits d utilisation", "brevet"]),
        new("616", "Primes d'assurances",
            ["assurance", "assurances", "prime d assurance", "axa", "allianz", "maaf", "macif", "insurance", "versicherung", "industriepolice"]),
        new("623", "Publicité, publications, relations publiques",
            ["publicite", "annonce publicitaire", "logo", "charte graphique", "graphiste", "identite visuelle", "google ads", "flyers", "cartes de visite", "salon professionnel", "marketing", "advertising"]),
        new("627", "Services bancaires et assimilés",
            ["frais bancaires", "commission bancaire", "commissions bancaires", "frais de tenue de compte", "agios"]),
        new("635", "Autres impôts, taxes et versements assimilés",
            ["road tax", "road register fee", "taxe fonciere", "cotisation fonciere", "taxe sur les vehicules", "kfz steuer"]),
        new("2183", "Matériel de bureau et matériel informatique",
            ["serveur", "ordinateur", "ordinateurs", "laptop", "laptop computer", "pc portable", "ecran", "switch", "imprimante",
             "desktop", "computer", "poweredge", "server", "notebook"]),
        new("2135", "Installations générales, agencements, aménagements",
            ["amenagement", "amenagements", "agencement", "agencements"]),
        new("6063", "Fournitures d'entretien et de petit équipement",
            ["outillage", "outils", "petit materiel", "petit equipement", "cable", "cables", "network cable", "raccords", "petites fournitures"]),
        new("607", "Achats de marchandises",
            ["marchandises", "marchandise", "revente", "grossiste", "metro cash", "nougat", "nougats", "biscuit", "biscuits",
             "huile d olive", "confiserie", "epicerie", "chocolat", "chocolats", "vin", "vins", "boissons", "cafe", "koffie", "frites",
             "kaas", "ketchup", "fromage", "fromages", "food", "cookies", "confiture", "miel"]),
        new("601", "Achats stockés - Matières premières",
            ["matieres premieres", "matiere premiere", "farine", "acier", "bois", "tissu", "tissus", "resine", "granules", "raw materials"]),
        new("602", "Achats stockés - Autres approvisionnements",
            ["emballage", "emballages", "cartons", "palettes", "fournitures consommables", "consommables"]),
        new("6068", "Autres matières et fournitures",
            ["fournitures diverses", "fournitures"]),
    ];

    /// <summary>The account for an invoice, or null when no keyword matches.</summary>
    /// <param name="supplierName">
    /// Decides first: the pipeline only analyses invoices whose supplier name passed its own threshold or was corrected
    /// by a person (KeyFieldReview), so a customer's contact read as the seller never picks the account.
    /// </param>
    public static Rule? Match(string? supplierName, string? text)
    {
        // A supplier's name is the strongest signal ("EDF" is energy whatever the lines say), except for the catch-all
        // last rule: "ACME Fournitures" says nothing of what it sold, its lines do.
        var supplier = Normalize(supplierName);
        foreach (var rule in Rules.Take(Rules.Count - 1))
        {
            if (rule.Keywords.Any(k => ContainsWord(supplier, k)))
            {
                return rule;
            }
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var wording = InvoiceWording.From(text);
        // Each item line votes once, for the rule of its longest keyword, weighted by the amount printed on it (a
        // 60 € service outweighs a 10 € travel charge), or on the next lines when the description stands above its
        // figures; the rest of the text only breaks ties, or decides when no item line names anything.
        var items = new Dictionary<Rule, decimal>();
        (Rule Rule, int LinesLeft, decimal Counted)? waiting = null;
        foreach (var line in wording.ItemLines)
        {
            var normalized = Normalize(line);
            var vote = Rules
                .Select(r => (Rule: r, Length: r.Keywords.Where(k => ContainsWord(normalized, k)).Select(k => k.Length).DefaultIfEmpty(0).Max()))
                .Where(v => v.Length > 0)
                .OrderByDescending(v => v.Length)
                .FirstOrDefault();
            var amounts = AmountParser.FindAll(line);
            // The line total is printed last; a quantity ("1,00 (RE)") may be all a description line holds.
            var amount = amounts.Count > 0 ? Math.Min(Math.Abs(amounts[^1].Value), 1_000_000_000m) : 0m;
            if (vote.Rule is not null)
            {
                items[vote.Rule] = items.GetValueOrDefault(vote.Rule) + 1 + amount;
                waiting = (vote.Rule, 4, amount);
            }
            else if (waiting is { } w)
            {
                if (amounts.Count > 0)
                {
                    items[w.Rule] += Math.Max(0, amount - w.Counted);
                    waiting = null;
                }
                else
                {
                    waiting = w.LinesLeft > 1 ? (w.Rule, w.LinesLeft - 1, w.Counted) : null;
                }
            }
        }
        var rest = Normalize(wording.Rest);
        Rule? best = null;
        (decimal Items, int Words) bestScore = (0, 0);
        foreach (var rule in Rules)
        {
            var score = (items.GetValueOrDefault(rule), rule.Keywords.Sum(k => CountWord(rest, k)));
            if (score.Item1 > bestScore.Items || (score.Item1 == bestScore.Items && score.Item2 > bestScore.Words))
            {
                best = rule;
                bestScore = score;
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
