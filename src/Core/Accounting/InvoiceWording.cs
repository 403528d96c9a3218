using System.Text.RegularExpressions;

namespace Backend.Core.Accounting;

/// <summary>
/// An invoice's text split for choosing its expense account: the item lines (under the items table's header, above
/// the totals) say what was bought; the rest (addresses, terms, legal lines) only breaks ties. Incidental phrases —
/// "Franco de port", "Adresse de livraison", "Date de livraison", e-mail and web addresses — are removed first, so a
/// grocery invoice's delivery terms do not make it a transport service.
/// </summary>
public sealed partial record InvoiceWording(IReadOnlyList<string> ItemLines, string Rest)
{
    [GeneratedRegex(@"franco(?:\s*de\s*port)?|(?:frais\s*de\s*)?port\s*(?:offert|gratuit|inclus|compris)s?|livraison\s*(?:offerte|gratuite|incluse|comprise)|(?:adresse|date|lieu|bon|conditions?|d[ée]lais?|mode|n°\s*(?:de\s*)?bon)\s*de\s*livraison|livr[ée]e?s?\s*(?:à|a)\b|(?:lieferadresse|lieferanschrift|lieferschein|lieferdatum|leistungsdatum)|(?:ship\s*to|delivery\s*(?:address|date|note)|date\s*of\s*delivery)|\S+@\S+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:fr|com|de|eu|net|org|io)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Incidental();

    [GeneratedRegex(@"d[ée]signation|description|libell[ée]|article|produits?|bezeichnung|artikel|omschrijving|descrizione|descripci[óo]n|\bitems?\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderWhat();

    [GeneratedRegex(@"\bq(?:t|uanti)t[ée]s?\b|\bqt[ée]\b|\bqty\b|quantity|menge|anzahl|aantal|quantit[àa]|cantidad|prix|p\.\s?u\b|\bpu\b|unit|price|preis|prezzo|precio|montant|total|amount|betrag|importe|importo|bedrag", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderHowMuch();

    [GeneratedRegex(@"^\W*(?:sous[- ]?total|total|montant\s*(?:h\.?t|total|net)|net\s*[àa]\s*payer|endsumme|summe|zwischensumme|gesamt|positionen\s*netto|subtotal|sub-total|totaal|totale|base\s*h\.?t)|\s{2,}(?:sous[- ]?total|total\s*h\.?t|total\s*t\.?t\.?c|net\s*[àa]\s*payer|endsumme|subtotal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TotalsLine();

    // "10,00% sur 28,00 EUR", "CHARGE : FRAIS DEPLACEMENT": a document-level charge or allowance, not an item.
    [GeneratedRegex(@"\d\s*%\s*(?:sur|on|auf|of)\s+\d|\b(?:remise|charge|rabais|escompte|allowance|zuschlag|abschlag)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentLevelCharge();

    public string Items => string.Join("\n", ItemLines);

    public static InvoiceWording From(string text)
    {
        var items = new List<string>();
        var rest = new List<string>();
        var inItems = false;
        // A document of many pages may repeat the header; bounded so hostile text costs linear time.
        foreach (var raw in text.Split('\n').Take(2_000))
        {
            var line = Incidental().Replace(raw.Length > 400 ? raw[..400] : raw, " ");
            if (!inItems && HeaderWhat().IsMatch(line) && HeaderHowMuch().IsMatch(line))
            {
                inItems = true;
                continue;
            }
            if (inItems && TotalsLine().IsMatch(line))
            {
                inItems = false;
            }
            if (inItems && !DocumentLevelCharge().IsMatch(line))
            {
                items.Add(line);
            }
            else
            {
                rest.Add(line);
            }
        }
        return new InvoiceWording(items, string.Join("\n", rest));
    }
}
