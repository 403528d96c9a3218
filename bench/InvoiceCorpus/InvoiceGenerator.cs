using System.Globalization;
using Backend.Core.Invoices.Extraction;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// Generates French supplier invoices, deterministically from (seed, index): nine layouts, label and
/// number/date styles drawn per document, one to three VAT rates, credit notes, foreign currencies,
/// VAT-exempt micro-businesses, due dates present or absent, one to three pages.
/// </summary>
public static class InvoiceGenerator
{
    public const int LayoutCount = 9;

    private static readonly string[] Trades = ["Boulangerie", "Menuiserie", "Transports", "Imprimerie", "Garage", "Atelier", "Plomberie", "Électricité", "Conseil", "Traiteur", "Jardins", "Informatique", "Peinture", "Librairie", "Fromagerie", "Cabinet"];
    private static readonly string[] Families = ["Martin", "Durand", "Lefèvre", "Moreau", "Girard", "Bonnet", "Rousseau", "Fournier", "Lambert", "Mercier", "Faure", "Chevalier", "Garnier", "Perrin", "Morel", "Gauthier", "Roche", "Dubois", "Leroy", "Noël"];
    private static readonly string[] Forms = ["SARL", "SAS", "SASU", "EURL", "SA", ""];
    private static readonly string[] Streets = ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue des Lilas", "place du Marché", "chemin des Vignes", "rue Victor Hugo", "allée des Tilleuls", "quai de Saône", "route de Lyon"];
    private static readonly (string Postal, string City)[] Cities = [("75011", "Paris"), ("69003", "Lyon"), ("13006", "Marseille"), ("31000", "Toulouse"), ("33000", "Bordeaux"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("59000", "Lille"), ("35000", "Rennes"), ("06000", "Nice"), ("21000", "Dijon"), ("74000", "Annecy")];
    private static readonly string[] Items = ["Prestation de conseil", "Pain de campagne", "Main d'œuvre", "Livraison express", "Cartouche d'encre", "Location matériel", "Pièces détachées", "Maintenance annuelle", "Formation Excel", "Repas traiteur", "Taille de haies", "Peinture façade", "Licence logiciel", "Livres scolaires", "Plateau de fromages", "Déplacement", "Étude technique", "Câble réseau 10 m", "Vidange moteur", "Affiches A3"];
    private static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static GeneratedInvoice Generate(int seed, int index)
    {
        // Not HashCode.Combine: it is randomised per process, and the corpus must be the same on every run.
        var rng = new Random(unchecked((int)((uint)seed * 2654435761u ^ (uint)index * 40503u)) & 0x7fffffff);
        var layout = index % LayoutCount;
        var doc = new InvoiceDocument(rng, layout, $"{seed}-{index:0000}");
        var pdf = new PdfWriter();
        new InvoiceRenderer(doc, pdf, rng).Render();
        return new GeneratedInvoice(doc.Truth(pdf.PageCount), pdf.ToBytes());
    }

    /// <summary>The same invoice as <see cref="Generate"/>, as a Factur-X PDF (its CII attached) and as bare CII and UBL files.</summary>
    public static GeneratedEInvoice GenerateEInvoice(int seed, int index)
    {
        var rng = new Random(unchecked((int)((uint)seed * 2654435761u ^ (uint)index * 40503u)) & 0x7fffffff);
        var doc = new InvoiceDocument(rng, index % LayoutCount, $"{seed}-{index:0000}");
        var pdf = new PdfWriter();
        new InvoiceRenderer(doc, pdf, rng).Render();
        var cii = EInvoiceXmlWriter.Cii(doc);
        pdf.AttachFacturX(cii);
        return new GeneratedEInvoice(doc.Truth(pdf.PageCount), pdf.ToBytes(), cii, EInvoiceXmlWriter.Ubl(doc));
    }

    /// <summary>Everything drawn on one invoice, decided before drawing.</summary>
    internal sealed class InvoiceDocument
    {
        public InvoiceDocument(Random rng, int layout, string id)
        {
            Id = id;
            Layout = layout;
            var trade = Pick(rng, Trades);
            var family = Pick(rng, Families);
            var form = Pick(rng, Forms);
            SupplierName = rng.Next(3) == 0 ? $"{family} {trade}" : $"{trade} {family}";
            if (form.Length > 0)
            {
                SupplierName = rng.Next(2) == 0 ? $"{SupplierName} {form}" : $"{form} {SupplierName}";
            }
            var city = Pick(rng, Cities);
            SupplierStreet = $"{rng.Next(1, 180)} {Pick(rng, Streets)}";
            SupplierCity = $"{city.Postal} {city.City}";
            Siren = RandomSiren(rng);
            Siret = RandomSiret(rng, Siren);
            var clientCity = Pick(rng, Cities);
            ClientName = $"{Pick(rng, Trades)} {Pick(rng, Families)} {Pick(rng, ["SAS", "SARL", "", "SA"])}".Trim();
            ClientStreet = $"{rng.Next(1, 180)} {Pick(rng, Streets)}";
            ClientCity = $"{clientCity.Postal} {clientCity.City}";
            ClientVat = rng.Next(3) == 0 ? CompanyIdentifiers.FrenchVatFromSiren(RandomSiren(rng)) : null;

            IsCreditNote = rng.NextDouble() < 0.12;
            VatExempt = !IsCreditNote && rng.NextDouble() < 0.05;
            SupplierVat = VatExempt ? null : CompanyIdentifiers.FrenchVatFromSiren(Siren);
            Currency = rng.NextDouble() < 0.85 ? "EUR" : Pick(rng, ["USD", "GBP", "CHF"]);
            if (layout == 5 && rng.Next(2) == 0)
            {
                Currency = Pick(rng, ["USD", "GBP", "EUR"]);
            }
            var year = rng.Next(2021, 2027);
            InvoiceDate = new DateOnly(year, rng.Next(1, 13), rng.Next(1, 29));
            DueDate = rng.NextDouble() < 0.7 ? InvoiceDate.AddDays(Pick(rng, [15, 30, 45, 60])) : null;
            var prefix = IsCreditNote ? Pick(rng, ["AV", "AV-", "A"]) : Pick(rng, ["F", "FA", "FAC-", "", "INV-", "F-"]);
            InvoiceNumber = rng.Next(4) switch
            {
                0 => $"{prefix}{year}-{rng.Next(1, 9999):0000}",
                1 => $"{prefix}{year}{rng.Next(1, 13):00}{rng.Next(1, 999):000}",
                2 => $"{prefix}{rng.Next(100, 99999)}",
                _ => $"{prefix}{year % 100:00}/{rng.Next(1, 9999):0000}",
            };
            if (InvoiceNumber.Length < 3)
            {
                InvoiceNumber += rng.Next(100, 999).ToString(CultureInfo.InvariantCulture);
            }
            OriginalInvoice = IsCreditNote ? $"F{year}-{rng.Next(1, 9999):0000}" : null;

            var pages = rng.NextDouble() switch { < 0.7 => 1, < 0.92 => 2, _ => 3 };
            var itemCount = pages switch { 1 => rng.Next(1, 11), 2 => rng.Next(26, 38), _ => rng.Next(60, 72) };
            var rates = VatExempt ? [0m] : rng.NextDouble() < 0.25
                ? Shuffle(rng, [20m, 10m, 5.5m, 2.1m]).Take(rng.Next(2, 4)).ToArray()
                : [rng.NextDouble() switch { < 0.6 => 20m, < 0.8 => 10m, < 0.95 => 5.5m, _ => 2.1m }];
            for (var i = 0; i < itemCount; i++)
            {
                var qty = rng.Next(4) == 0 ? Math.Round((decimal)(rng.NextDouble() * 10 + 0.5), 1) : rng.Next(1, 25);
                var price = rng.Next(3) switch
                {
                    0 => Math.Round((decimal)rng.NextDouble() * 30 + 1, 2),
                    1 => Math.Round((decimal)rng.NextDouble() * 300 + 10, 2),
                    _ => Math.Round((decimal)rng.NextDouble() * 2500 + 50, 2),
                };
                var rate = i < rates.Length ? rates[i] : rates[rng.Next(rates.Length)];
                Lines.Add(new ItemLine(Pick(rng, Items), qty, price, Math.Round(qty * price, 2, MidpointRounding.AwayFromZero), rate));
            }
            Breakdown = Lines.GroupBy(l => l.Rate).OrderByDescending(g => g.Key)
                .Select(g =>
                {
                    var b = g.Sum(l => l.Total);
                    return new VatLine(g.Key, b, Math.Round(b * g.Key / 100m, 2, MidpointRounding.AwayFromZero));
                }).ToList();
            AmountHt = Breakdown.Sum(b => b.BaseAmount);
            AmountTva = Breakdown.Sum(b => b.TaxAmount);
            AmountTtc = AmountHt + AmountTva;

            AmountStyle = Currency switch
            {
                "USD" or "GBP" => rng.Next(2) == 0 ? 3 : 0,
                "CHF" => rng.Next(2) == 0 ? 4 : 2,
                _ => rng.Next(3),
            };
            ThousandsSeparator = Pick(rng, [" ", "\u00A0", "\u202F", "."]);
            if (AmountStyle == 0 && ThousandsSeparator == ".")
            {
                ThousandsSeparator = " ";
            }
            DateStyle = rng.Next(6);
            NegativeCreditAmounts = rng.Next(2) == 0;
        }

        public string Id { get; }
        public int Layout { get; }
        public string SupplierName { get; }
        public string SupplierStreet { get; }
        public string SupplierCity { get; }
        public string Siren { get; }
        public string Siret { get; }
        public string? SupplierVat { get; }
        public string ClientName { get; }
        public string ClientStreet { get; }
        public string ClientCity { get; }
        public string? ClientVat { get; }
        public bool IsCreditNote { get; }
        public bool VatExempt { get; }
        public string Currency { get; }
        public DateOnly InvoiceDate { get; }
        public DateOnly? DueDate { get; }
        public string InvoiceNumber { get; }
        public string? OriginalInvoice { get; }
        public List<ItemLine> Lines { get; } = [];
        public IReadOnlyList<VatLine> Breakdown { get; }
        public decimal AmountHt { get; }
        public decimal AmountTva { get; }
        public decimal AmountTtc { get; }
        /// <summary>0 "1 234,56 €", 1 "1 234,56 EUR", 2 "1 234,56" (symbol in the header), 3 "$1,234.56", 4 "CHF 1'234.56".</summary>
        public int AmountStyle { get; }
        public string ThousandsSeparator { get; }
        public int DateStyle { get; }
        public bool NegativeCreditAmounts { get; }

        public string Money(decimal value, bool withCurrency = true)
        {
            if (IsCreditNote && NegativeCreditAmounts && value > 0)
            {
                value = -value;
            }
            var sign = value < 0 ? "-" : "";
            var abs = Math.Abs(value);
            var intPart = decimal.Truncate(abs);
            var cents = ((int)Math.Round((abs - intPart) * 100)).ToString("00", CultureInfo.InvariantCulture);
            string Group(string sep) => intPart.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", sep);
            var symbol = Currency switch { "EUR" => "€", "USD" => "$", "GBP" => "£", _ => "CHF" };
            return AmountStyle switch
            {
                0 => $"{sign}{Group(ThousandsSeparator)},{cents}" + (withCurrency ? (Currency == "CHF" ? " CHF" : "\u00A0" + symbol) : ""),
                1 => $"{sign}{Group(ThousandsSeparator)},{cents}" + (withCurrency ? " " + Currency : ""),
                2 => $"{sign}{Group(ThousandsSeparator)},{cents}",
                3 => $"{sign}{(withCurrency ? symbol : "")}{Group(",")}.{cents}",
                _ => $"{(withCurrency ? "CHF " : "")}{sign}{Group("'")}.{cents}",
            };
        }

        public string Date(DateOnly d) => DateStyle switch
        {
            0 => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            1 => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            2 => $"{(d.Day == 1 ? "1er" : d.Day.ToString(CultureInfo.InvariantCulture))} {FrenchMonths[d.Month - 1]} {d.Year}",
            3 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            4 => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            _ => d.ToString("d/M/yyyy", CultureInfo.InvariantCulture),
        };

        public string Rate(decimal rate) => rate.ToString(rate == decimal.Truncate(rate) ? "0" : "0.0#", CultureInfo.InvariantCulture).Replace('.', ',') + " %";

        public GroundTruth Truth(int pages)
        {
            var sign = IsCreditNote ? -1 : 1;
            return new GroundTruth(
                Id, Layout, pages, SupplierName, SupplierVat, Siren, Siret, $"{SupplierStreet}, {SupplierCity}", InvoiceNumber,
                InvoiceDate, DueDate, sign * AmountHt, sign * AmountTva, sign * AmountTtc,
                Breakdown.Count == 1 ? Breakdown[0].Rate : null, Currency, IsCreditNote,
                Breakdown.Select(b => new VatLine(b.Rate, sign * b.BaseAmount, sign * b.TaxAmount)).ToList());
        }
    }

    internal sealed record ItemLine(string Description, decimal Quantity, decimal UnitPrice, decimal Total, decimal Rate);

    internal static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static T[] Shuffle<T>(Random rng, T[] items)
    {
        var copy = items.ToArray();
        rng.Shuffle(copy);
        return copy;
    }

    public static string RandomSiren(Random rng)
    {
        while (true)
        {
            var digits = rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            if (CompanyIdentifiers.IsValidSiren(digits))
            {
                return digits;
            }
        }
    }

    private static string RandomSiret(Random rng, string siren)
    {
        while (true)
        {
            var digits = siren + rng.Next(0, 100_000).ToString("00000", CultureInfo.InvariantCulture);
            if (CompanyIdentifiers.IsValidSiret(digits))
            {
                return digits;
            }
        }
    }
}
