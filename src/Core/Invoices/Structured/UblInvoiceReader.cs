using System.Xml.Linq;

namespace Backend.Core.Invoices.Structured;

/// <summary>Reads an OASIS UBL 2.1 <c>Invoice</c> or <c>CreditNote</c> (EN 16931 / PEPPOL BIS 3 / XRechnung UBL).</summary>
public static class UblInvoiceReader
{
    public static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    public static readonly XName InvoiceRoot = InvoiceNs + "Invoice";
    public static readonly XName CreditNoteRoot = CreditNoteNs + "CreditNote";

    public static bool IsUbl(XName root) => root == InvoiceRoot || root == CreditNoteRoot;

    public static StructuredInvoice Read(XDocument document)
    {
        var root = document.Root ?? throw new StructuredInvoiceException("XML vide.");
        var creditNote = root.Name == CreditNoteRoot;
        if (!creditNote && root.Name != InvoiceRoot)
        {
            throw new StructuredInvoiceException($"Racine XML {root.Name.LocalName} inattendue pour une facture UBL.");
        }
        var typeCode = XmlValues.Text(root.Element(Cbc + (creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"))) ?? (creditNote ? "381" : "380");
        var currency = XmlValues.Text(root.Element(Cbc + "DocumentCurrencyCode"))?.ToUpperInvariant() ?? "EUR";
        var seller = root.Element(Cac + "AccountingSupplierParty")?.Element(Cac + "Party");

        var taxTotals = root.Elements(Cac + "TaxTotal").ToList();
        var taxTotal = taxTotals.FirstOrDefault(t => (string?)t.Element(Cbc + "TaxAmount")?.Attribute("currencyID") == currency) ?? taxTotals.FirstOrDefault();
        var breakdown = (taxTotal?.Elements(Cac + "TaxSubtotal") ?? [])
            .Select(s => new VatBreakdownLine(
                XmlValues.Text(s.Element(Cac + "TaxCategory")?.Element(Cbc + "ID")) ?? "S",
                XmlValues.Decimal(s.Element(Cac + "TaxCategory")?.Element(Cbc + "Percent")),
                XmlValues.Decimal(s.Element(Cbc + "TaxableAmount")) ?? 0m,
                XmlValues.Decimal(s.Element(Cbc + "TaxAmount")) ?? 0m))
            .ToList();

        var lines = new List<InvoiceLineItem>();
        foreach (var line in root.Elements(Cac + (creditNote ? "CreditNoteLine" : "InvoiceLine")))
        {
            var net = XmlValues.Decimal(line.Element(Cbc + "LineExtensionAmount"));
            if (net is null)
            {
                continue;
            }
            var quantity = line.Element(Cbc + (creditNote ? "CreditedQuantity" : "InvoicedQuantity"));
            var item = line.Element(Cac + "Item");
            var category = item?.Element(Cac + "ClassifiedTaxCategory");
            lines.Add(new InvoiceLineItem(
                XmlValues.Text(item?.Element(Cbc + "Name")) ?? XmlValues.Text(item?.Element(Cbc + "Description")),
                XmlValues.Decimal(quantity),
                quantity?.Attribute("unitCode")?.Value,
                XmlValues.Decimal(line.Element(Cac + "Price")?.Element(Cbc + "PriceAmount")),
                net.Value,
                XmlValues.Decimal(category?.Element(Cbc + "Percent")),
                XmlValues.Text(category?.Element(Cbc + "ID"))));
        }

        var monetary = root.Element(Cac + "LegalMonetaryTotal") ?? throw new StructuredInvoiceException("Élément LegalMonetaryTotal manquant (totaux).");
        var totals = new DocumentTotals(
            XmlValues.Decimal(monetary.Element(Cbc + "LineExtensionAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "AllowanceTotalAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "ChargeTotalAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "TaxExclusiveAmount")),
            XmlValues.Decimal(taxTotal?.Element(Cbc + "TaxAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "TaxInclusiveAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "PrepaidAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "PayableRoundingAmount")),
            XmlValues.Decimal(monetary.Element(Cbc + "PayableAmount")),
            lines.Select(l => l.NetAmount).ToList(),
            breakdown);

        var means = root.Elements(Cac + "PaymentMeans").ToList();
        var dueDate = XmlValues.IsoDate(root.Element(Cbc + "DueDate"))
                      ?? means.Select(m => XmlValues.IsoDate(m.Element(Cbc + "PaymentDueDate"))).FirstOrDefault(d => d is not null);
        var iban = means.Select(m => XmlValues.Text(m.Element(Cac + "PayeeFinancialAccount")?.Element(Cbc + "ID"))).FirstOrDefault(x => x is not null);
        var terms = string.Join(" ", root.Elements(Cac + "PaymentTerms").Select(t => XmlValues.Text(t.Element(Cbc + "Note"))).OfType<string>());

        var legal = seller?.Element(Cac + "PartyLegalEntity");
        var vat = seller?.Elements(Cac + "PartyTaxScheme")
            .FirstOrDefault(s => XmlValues.Text(s.Element(Cac + "TaxScheme")?.Element(Cbc + "ID")) == "VAT")?.Element(Cbc + "CompanyID");
        var ids = (legal?.Elements(Cbc + "CompanyID") ?? [])
            .Concat(seller?.Elements(Cac + "PartyIdentification").Elements(Cbc + "ID") ?? [])
            .Where(id => (string?)id.Attribute("schemeID") is "0002" or "0009")
            .Select(id => new string(id.Value.Where(char.IsAsciiDigit).ToArray()));
        var (siren, siret) = StructuredInvoiceBuilder.SirenSiret(ids);

        var header = new StructuredHeader(
            Number: XmlValues.Text(root.Element(Cbc + "ID")),
            IssueDate: XmlValues.IsoDate(root.Element(Cbc + "IssueDate")),
            DueDate: dueDate,
            Currency: currency,
            SupplierName: XmlValues.Text(legal?.Element(Cbc + "RegistrationName")) ?? XmlValues.Text(seller?.Element(Cac + "PartyName")?.Element(Cbc + "Name")),
            SupplierVat: XmlValues.Text(vat),
            SupplierSiren: siren,
            SupplierSiret: siret,
            SupplierAddress: Address(seller?.Element(Cac + "PostalAddress")));
        return StructuredInvoiceBuilder.Build("ubl", typeCode, header, totals, lines, terms.Length == 0 ? null : terms, iban);
    }

    private static string? Address(XElement? address)
    {
        if (address is null)
        {
            return null;
        }
        var parts = new[] { "StreetName", "AdditionalStreetName" }.Select(n => XmlValues.Text(address.Element(Cbc + n)))
            .Append(XmlValues.Text(address.Element(Cac + "AddressLine")?.Element(Cbc + "Line")))
            .Append(string.Join(" ", new[] { XmlValues.Text(address.Element(Cbc + "PostalZone")), XmlValues.Text(address.Element(Cbc + "CityName")) }.OfType<string>()))
            .Append(XmlValues.Text(address.Element(Cac + "Country")?.Element(Cbc + "IdentificationCode")))
            .Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text;
    }
}
