using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// The labels French (and some English) invoices put next to each field, matched on folded text so
/// "Échéance", "ECHEANCE" and "e\s?cheance" are one label. Strength orders competing labels:
/// "Total TTC" beats "Net à payer", which beats a bare "Total".
/// </summary>
internal static class LabelDictionary
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // "t.v.a", "t v a", "tva"
    private const string Tva = @"t\s?\.?\s?v\s?\.?\s?a\.?";
    private const string Ht = @"h\s?\.?\s?t\.?(?![a-z])";
    private const string Ttc = @"t\s?\.?\s?t\s?\.?\s?c\.?(?![a-z])";

    public static IReadOnlyList<LabelRule> Rules { get; } =
    [
        Rule(LabelKind.AmountHt, $@"(?:total|montant|prix\s*total|sous[- ]?total|net|base)\s*{Ht}", 0.9),
        Rule(LabelKind.AmountHt, @"(?:total|montant)\s*(?:net\s*)?hors\s*tax(?:e|es)?", 0.9),
        Rule(LabelKind.AmountHt, $@"base\s*(?:imposable|{Tva})", 0.75),
        Rule(LabelKind.AmountHt, @"sous[- ]?total|sub[- ]?total|total\s*net(?!\s*a\s*payer)", 0.75),
        Rule(LabelKind.AmountHt, $@"(?<![a-z])(?:total\s*)?{Ht}", 0.65),
        Rule(LabelKind.AmountTva, $@"(?:total|montant)\s*(?:de\s*la\s*)?{Tva}", 0.9),
        Rule(LabelKind.AmountTva, $@"(?<![a-z]){Tva}(?!\s*(?:intra|non\s|n\s?[°o]|num|:?\s*fr\s?\d|client|due\s*sur\s*les\s*d|acquittee))", 0.8),
        Rule(LabelKind.AmountTva, @"(?:total\s*)?taxes?(?!\s*(?:incluses|comprises))(?![a-z])|(?<![a-z])vat(?!\s*(?:n|id|reg))|(?:total\s*)?tax(?![a-z])", 0.65),
        Rule(LabelKind.AmountTtc, $@"(?:total|montant|prix\s*total)\s*(?:net\s*)?{Ttc}|toutes\s*taxes\s*comprises", 0.92),
        Rule(LabelKind.AmountTtc, @"net\s*a\s*payer|total\s*a\s*payer|montant\s*a\s*payer|total\s*du(?![a-z])|amount\s*due|total\s*due|balance\s*due", 0.85),
        Rule(LabelKind.AmountTtc, @"(?:reste|solde)\s*a\s*(?:payer|regler)|a\s*regler(?!\s*(?:avant|le|au\s*plus))|grand\s*total|total\s*general|montant\s*total", 0.75),
        Rule(LabelKind.AmountTtc, @"(?<![a-z])total(?![a-z])", 0.55),
        Rule(LabelKind.AmountTtc, $@"(?<![a-z]){Ttc}", 0.6),
        Rule(LabelKind.InvoiceNumber, @"(?:facture|avoir|invoice|note\s*de\s*credit|credit\s*note)\s*(?:d'avoir\s*)?(?:n\s?[°º]|n\s?o\.?(?![a-z])|nr\.?|num(?:ero|\.)?|#|number|ref(?:erence)?\.?)\s*:?", 0.92),
        Rule(LabelKind.InvoiceNumber, @"(?:n\s?[°º]|numero|num\.|ref(?:erence)?\.?)\s*(?:de\s*(?:la\s*)?|d'|du\s*)?(?:facture|avoir|l'avoir|document)\s*:?", 0.92),
        Rule(LabelKind.InvoiceNumber, @"(?<![a-z])(?:facture|avoir|invoice)\s*:", 0.75),
        Rule(LabelKind.InvoiceNumber, @"^(?:facture(?:\s*d'avoir)?|avoir|invoice|credit\s*note)(?=\s+[a-z\-/]*\d)", 0.7),
        Rule(LabelKind.InvoiceNumber, @"(?<![a-z])(?:n\s?[°º]|numero)\s*:?(?!\s*(?:de\s*)?(?:client|commande|tva|siret|siren|rcs|tel|bon|devis|dossier|contrat|compte|ligne|affaire|lot|identification|fiscal|intra))", 0.55),
        Rule(LabelKind.InvoiceDate, @"date\s*(?:de\s*(?:la\s*)?|d'|du\s*)?(?:facture|facturation|e\s?mission|l'avoir|avoir|document)|invoice\s*date|date\s*d'edition|e\s?mise?\s*le|etablie\s*le", 0.92),
        Rule(LabelKind.InvoiceDate, @"(?<![a-z])(?:en\s*)?date\s*(?:du\s*|:\s*)?(?!\s*(?:de\s*|d')?(?:livraison|commande|e\s?cheance|paiement|limite|reglement|prestation|expedition|debut|fin|validite|d'e\s?cheance|du\s*bon|effet|intervention))", 0.7),
        Rule(LabelKind.InvoiceDate, @"(?:^|,\s*|\s)le(?=\s*\d)|fait\s*a\s*[a-z\- ]{1,40},?\s*le|(?<![a-z])du(?=\s*\d{1,2}[/.\- ])", 0.6),
        Rule(LabelKind.DueDate, @"(?:date\s*(?:d'|de\s*l'|de\s*)?)?e\s?cheance|a\s*(?:payer|regler)\s*(?:avant|au\s*plus\s*tard|le|pour)\s*(?:le)?|payable\s*(?:le|avant|au|jusqu'au)|date\s*limite(?:\s*de\s*(?:paiement|reglement))?|due\s*date|date\s*de\s*(?:paiement|reglement)|paiement\s*(?:avant|au\s*plus\s*tard|le)\s*(?:le)?|due\s*(?:on|by|:)|reglement\s*(?:avant|le)", 0.9),
        // English, German, Spanish, Italian, Dutch: what French SMEs receive from their foreign suppliers.
        Rule(LabelKind.AmountHt, @"total\s*(?:excl\.?|excluding|before|net\s*of)\s*(?:vat|tax(?:es)?)|net\s*(?:amount|total)|amount\s*excl\.?(?:uding)?\s*(?:vat|tax)", 0.88),
        Rule(LabelKind.AmountHt, @"(?:gesamt\s*)?netto(?:betrag|summe|wert)?|summe\s*netto|positionen\s*netto|zwischensumme|base\s*imponible|importe\s*neto|(?:totale\s*)?imponibile|totale\s*netto|subtotaal|totaal\s*excl\.?(?:\s*btw)?|netto\s*bedrag|bedrag\s*excl\.?(?:\s*btw)?", 0.85),
        Rule(LabelKind.AmountTva, @"(?:total\s*)?(?:vat|tax)\s*amount|total\s*vat|sales\s*tax", 0.88),
        Rule(LabelKind.AmountTva, @"(?<![a-z])(?:mwst|mehrwertsteuer|ust|umsatzsteuer)(?![a-z])(?!\.?\s*-?\s*id)|(?<![a-z])(?:cuota\s*(?:de\s*)?)?iva(?![a-z])|(?<![a-z])imposta(?![a-z])|(?<![a-z])btw(?:\s*bedrag)?(?![a-z])(?!\s*(?:n|nr|num|id))", 0.8),
        Rule(LabelKind.AmountTtc, @"total\s*(?:incl\.?|including|inc\.?)\s*(?:vat|tax(?:es)?)|invoice\s*total|total\s*amount|amount\s*payable|total\s*payable", 0.88),
        Rule(LabelKind.AmountTtc, @"endsumme|gesamtbetrag|rechnungsbetrag|bruttobetrag|summe\s*gesamt|gesamtsumme|zu\s*zahlen(?:der\s*betrag)?|(?<![a-z])brutto(?![a-z])|total\s*(?:factura|a\s*pagar)|importe\s*total|totale\s*(?:fattura|documento|da\s*pagare|complessivo)|importo\s*totale|netto\s*a\s*pagare|totaal\s*(?:incl\.?(?:\s*btw)?|te\s*betalen|bedrag)|te\s*betalen", 0.85),
        Rule(LabelKind.InvoiceNumber, @"rechnungs?\s*-?\s*(?:nr|nummer|no)\.?\s*:?|rechnung\s*(?:nr\.?|nummer|no\.?)\s*:?|factura\s*(?:n\s?[°ºo]\.?|num(?:ero)?\.?)\s*:?|n\s?[°º]\s*(?:de\s*)?factura|fattura\s*(?:n\s?[°ºr]\.?|n\.|numero)\s*:?|numero\s*fattura|factuur\s*(?:nr|nummer|no)\.?\s*:?|factuurnummer|invoice\s*no\.?", 0.92),
        Rule(LabelKind.InvoiceNumber, @"^(?:rechnung|factura|fattura|factuur)(?=\s+[a-z\-/]*\d)", 0.7),
        Rule(LabelKind.InvoiceDate, @"rechnungsdatum|belegdatum|fecha\s*(?:de\s*(?:la\s*)?)?(?:factura|emision|expedicion)|data\s*(?:della\s*)?(?:fattura|documento|emissione)|factuurdatum|date\s*of\s*issue|issue\s*date|document\s*date|posting\s*date", 0.92),
        Rule(LabelKind.InvoiceDate, @"(?<![a-z])(?:datum|fecha|data)(?![a-z])\s*:?", 0.7),
        // "München, den 01.11.2024": the letter's date (DIN 5008), stronger than a bare "Datum" printed beside a print time.
        Rule(LabelKind.InvoiceDate, @",\s*den(?![a-z])", 0.75),
        Rule(LabelKind.DueDate, @"falligkeit(?:sdatum)?|fallig\s*(?:am|bis)|zahlbar\s*bis|zahlungsziel|(?:fecha\s*de\s*)?vencimiento|(?:data\s*(?:di\s*)?)?scadenza|vervaldatum|uiterste\s*betaaldatum|payment\s*due|pay\s*by", 0.9),
        Rule(LabelKind.Client, @"(?<![a-z])(?:customer|kunde|rechnungsempfanger|lieferadresse|lieferanschrift|z\.\s*hd\.?|cliente|facturar\s*a|destinatario|klant|afnemer)(?![a-z])", 0.8),
        Rule(LabelKind.Supplier, @"(?<![a-z])(?:fournisseur|emetteur|vendeur|prestataire|expediteur|from|de)\s*:", 0.85),
        Rule(LabelKind.Client, @"(?<![a-z])(?:client(?:e)?|facture\s*a|factured?\s*to|bill\s*to|billed\s*to|destinataire|adresse\s*de\s*facturation|adresse\s*de\s*livraison|livre\s*a|livraison|a\s*l'attention\s*de|acheteur|sold\s*to|ship\s*to|code\s*client|votre\s*reference)(?![a-z])", 0.8),
        // Another document's reference or date: "Réf. facture précédente", "Date de facture associée".
        Rule(LabelKind.Other, @"(?:ref(?:erence)?\.?|n\s?[°º]|numero|date)\s*(?:de\s*(?:la\s*)?)?(?:facture|avoir)\s*(?:associee|precedente|d'origine|initiale|rectifiee|corrigee)|(?:facture|invoice)\s*(?:associee|precedente|rectifiee|d'origine|initiale)|(?:original|previous|related)\s*invoice|ursprungsrechnung|(?:bestell|auftrags|liefer|kunden)\s*-?\s*(?:nr|nummer|datum)\.?", 0.5),
        Rule(LabelKind.Other, @"date\s*(?:de\s*|d')?(?:livraison|commande|prestation|expedition|intervention)|(?:intervention|prestation|livraison|periode|sejour|commande)\s*du|arrivee|depart|(?:sur|annule\s*et\s*remplace|remplace|avoir\s*sur)\s*(?:la\s*)?facture|facture\s*(?:d'origine|initiale)|(?:bon\s*de\s*)?commande\s*(?:n\s?[°º]|no)|n\s?[°º]\s*(?:de\s*)?(?:client|commande)|mode\s*de\s*(?:paiement|reglement)|conditions|iban|bic|escompte|acompte|deja\s*(?:paye|regle)|remise|frais\s*de\s*port|port(?![a-z])|qte|quantite|prix\s*unitaire|p\.?\s?u\.?(?![a-z])|designation|description|siret|siren|rcs|tel(?:ephone)?\.?|e-?mail|page(?![a-z])", 0.5),
    ];

    private static LabelRule Rule(LabelKind kind, string pattern, double strength) =>
        new(kind, new Regex(pattern, Options), strength);
}
