using System.Xml.Linq;
using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// Reads a UN/CEFACT Cross Industry Invoice (D16B / D22B: Factur-X, ZUGFeRD 2.x, XRechnung CII) or its predecessor, the
/// ZUGFeRD 1.0 <c>CrossIndustryDocument</c>. Both share the data model and differ in namespaces and in the names of the
/// aggregates, which <see cref="Dialect"/> holds. Every query names its namespace: an element in another namespace is
/// not read.
/// </summary>
public static class CiiInvoiceReader
{
    public static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public static readonly XNamespace Rsm1 = "urn:ferd:CrossIndustryDocument:invoice:1p0";
    public static readonly XNamespace Ram1 = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12";
    public static readonly XNamespace Udt1 = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15";

    public static readonly XName Root = Rsm + "CrossIndustryInvoice";
    public static readonly XName Root1 = Rsm1 + "CrossIndustryDocument";

    private sealed record Dialect(
        XNamespace Rsm, XNamespace Ram, XNamespace Udt, string Document, string Transaction, string Agreement,
        string Settlement, string Summation, string LineAgreement, string LineDelivery, string LineSettlement,
        string LineSummation, string RatePercent);

    private static readonly Dialect D16B = new(Rsm, Ram, Udt, "ExchangedDocument", "SupplyChainTradeTransaction",
        "ApplicableHeaderTradeAgreement", "ApplicableHeaderTradeSettlement", "SpecifiedTradeSettlementHeaderMonetarySummation",
        "SpecifiedLineTradeAgreement", "SpecifiedLineTradeDelivery", "SpecifiedLineTradeSettlement",
        "SpecifiedTradeSettlementLineMonetarySummation", "RateApplicablePercent");

    private static readonly Dialect Zugferd1 = new(Rsm1, Ram1, Udt1, "HeaderExchangedDocument", "SpecifiedSupplyChainTradeTransaction",
        "ApplicableSupplyChainTradeAgreement", "ApplicableSupplyChainTradeSettlement", "SpecifiedTradeSettlementMonetarySummation",
        "SpecifiedSupplyChainTradeAgreement", "SpecifiedSupplyChainTradeDelivery", "SpecifiedSupplyChainTradeSettlement",
        "SpecifiedTradeSettlementMonetarySummation", "ApplicablePercent");

    public static bool IsCii(XName root) => root == Root || root == Root1;

    public static StructuredInvoice Read(XDocument document)
    {
        var root = document.Root ?? throw new StructuredInvoiceException("XML vide.");
        var d = root.Name == Root ? D16B : root.Name == Root1 ? Zugferd1
            : throw new StructuredInvoiceException($"Racine XML {root.Name.LocalName} inattendue pour une facture CII.");
        var ram = d.Ram;
        var header = root.Element(d.Rsm + d.Document) ?? throw new StructuredInvoiceException($"Élément {d.Document} manquant.");
        var transaction = root.Element(d.Rsm + d.Transaction) ?? throw new StructuredInvoiceException($"Élément {d.Transaction} manquant.");
        var agreement = transaction.Element(ram + d.Agreement);
        var settlement = transaction.Element(ram + d.Settlement) ?? throw new StructuredInvoiceException($"Élément {d.Settlement} manquant.");
        var seller = agreement?.Element(ram + "SellerTradeParty");

        var typeCode = XmlValues.Text(header.Element(ram + "TypeCode")) ?? "380";
        var currency = XmlValues.Text(settlement.Element(ram + "InvoiceCurrencyCode"))?.ToUpperInvariant() ?? "EUR";
        var summation = settlement.Element(ram + d.Summation) ?? throw new StructuredInvoiceException($"Élément {d.Summation} manquant (totaux).");

        // BT-110 may be given twice (invoice currency and accounting currency): the one in the invoice currency counts.
        var taxTotals = summation.Elements(ram + "TaxTotalAmount").ToList();
        var taxTotal = XmlValues.Decimal(taxTotals.FirstOrDefault(t => (string?)t.Attribute("currencyID") == currency)
                                         ?? taxTotals.FirstOrDefault(t => t.Attribute("currencyID") is null)
                                         ?? taxTotals.FirstOrDefault());

        var breakdown = settlement.Elements(ram + "ApplicableTradeTax")
            .Select(t => new VatBreakdownLine(
                XmlValues.Text(t.Element(ram + "CategoryCode")) ?? "S",
                XmlValues.Decimal(t.Element(ram + d.RatePercent)),
                XmlValues.Decimal(t.Element(ram + "BasisAmount")) ?? 0m,
                XmlValues.Decimal(t.Element(ram + "CalculatedAmount")) ?? 0m))
            .ToList();

        var lines = new List<InvoiceLineItem>();
        var lineNets = new List<decimal>();
        foreach (var item in transaction.Elements(ram + "IncludedSupplyChainTradeLineItem"))
        {
            // EXTENDED: an INFORMATION line is not part of the totals (BR-FXEXT-...); a GROUP line's sub-lines are.
            var status = XmlValues.Text(item.Element(ram + "AssociatedDocumentLineDocument")?.Element(ram + "LineStatusReasonCode"));
            if (status is "INFORMATION")
            {
                continue;
            }
            var lineSettlement = item.Element(ram + d.LineSettlement);
            var net = XmlValues.Decimal(lineSettlement?.Element(ram + d.LineSummation)?.Element(ram + "LineTotalAmount"));
            if (net is null)
            {
                continue;
            }
            if (status is not "GROUP")
            {
                lineNets.Add(net.Value);
            }
            var product = item.Element(ram + "SpecifiedTradeProduct");
            var quantity = item.Element(ram + d.LineDelivery)?.Element(ram + "BilledQuantity");
            var lineTax = lineSettlement?.Element(ram + "ApplicableTradeTax");
            lines.Add(new InvoiceLineItem(
                XmlValues.Text(product?.Element(ram + "Name")) ?? XmlValues.Text(product?.Element(ram + "Description")),
                XmlValues.Decimal(quantity),
                quantity?.Attribute("unitCode")?.Value,
                XmlValues.Decimal(item.Element(ram + d.LineAgreement)?.Element(ram + "NetPriceProductTradePrice")?.Element(ram + "ChargeAmount")),
                net.Value,
                XmlValues.Decimal(lineTax?.Element(ram + d.RatePercent)),
                XmlValues.Text(lineTax?.Element(ram + "CategoryCode"))));
        }

        var totals = new DocumentTotals(
            XmlValues.Decimal(summation.Element(ram + "LineTotalAmount")),
            XmlValues.Decimal(summation.Element(ram + "AllowanceTotalAmount")),
            XmlValues.Decimal(summation.Element(ram + "ChargeTotalAmount")),
            XmlValues.Decimal(summation.Element(ram + "TaxBasisTotalAmount")),
            taxTotal,
            XmlValues.Decimal(summation.Element(ram + "GrandTotalAmount")),
            XmlValues.Decimal(summation.Element(ram + "TotalPrepaidAmount")),
            XmlValues.Decimal(summation.Element(ram + "RoundingAmount")),
            XmlValues.Decimal(summation.Element(ram + "DuePayableAmount")),
            lineNets,
            breakdown);

        var terms = settlement.Elements(ram + "SpecifiedTradePaymentTerms").ToList();
        var dueDate = terms.Select(t => XmlValues.CiiDate(t.Element(ram + "DueDateDateTime")?.Element(d.Udt + "DateTimeString"))).FirstOrDefault(x => x is not null);
        var paymentTerms = string.Join(" ", terms.Select(t => XmlValues.Text(t.Element(ram + "Description"))).OfType<string>());
        var iban = settlement.Elements(ram + "SpecifiedTradeSettlementPaymentMeans")
            .Select(m => XmlValues.Text(m.Element(ram + "PayeePartyCreditorFinancialAccount")?.Element(ram + "IBANID")))
            .FirstOrDefault(x => x is not null);

        var (siren, siret) = CompanyNumbers(seller, ram);
        var vat = seller?.Elements(ram + "SpecifiedTaxRegistration").Select(r => r.Element(ram + "ID"))
            .FirstOrDefault(id => id is not null && (string?)id.Attribute("schemeID") == "VA");

        var header1 = new StructuredHeader(
            Number: XmlValues.Text(header.Element(ram + "ID")),
            IssueDate: XmlValues.CiiDate(header.Element(ram + "IssueDateTime")?.Element(d.Udt + "DateTimeString")),
            DueDate: dueDate,
            Currency: currency,
            SupplierName: XmlValues.Text(seller?.Element(ram + "Name")),
            SupplierVat: XmlValues.Text(vat),
            SupplierSiren: siren,
            SupplierSiret: siret,
            SupplierAddress: Address(seller?.Element(ram + "PostalTradeAddress"), ram));
        return StructuredInvoiceBuilder.Build("cii", typeCode, header1, totals, lines, paymentTerms.Length == 0 ? null : paymentTerms, iban);
    }

    // SIREN (scheme 0002) or SIRET (0009) in the legal organization or among the global ids; a 14-digit SIREN id is a SIRET.
    private static (string? Siren, string? Siret) CompanyNumbers(XElement? seller, XNamespace ram)
    {
        if (seller is null)
        {
            return (null, null);
        }
        var ids = seller.Elements(ram + "SpecifiedLegalOrganization").Elements(ram + "ID")
            .Concat(seller.Elements(ram + "GlobalID"))
            .Where(id => (string?)id.Attribute("schemeID") is "0002" or "0009")
            .Select(id => new string(id.Value.Where(char.IsAsciiDigit).ToArray()));
        return StructuredInvoiceBuilder.SirenSiret(ids);
    }

    private static string? Address(XElement? address, XNamespace ram)
    {
        if (address is null)
        {
            return null;
        }
        var parts = new[] { "LineOne", "LineTwo", "LineThree" }.Select(n => XmlValues.Text(address.Element(ram + n)))
            .Append(string.Join(" ", new[] { XmlValues.Text(address.Element(ram + "PostcodeCode")), XmlValues.Text(address.Element(ram + "CityName")) }.OfType<string>()))
            .Append(XmlValues.Text(address.Element(ram + "CountryID")))
            .Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text;
    }
}
