using System.Globalization;
using System.Security;
using System.Text;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// Writes a generated invoice as EN 16931 XML: UN/CEFACT CII D16B (the XML of a Factur-X, profile EN 16931) and
/// OASIS UBL 2.1 (Invoice or CreditNote). A credit note has type 381 and positive amounts, as the standard writes it.
/// </summary>
internal static class EInvoiceXmlWriter
{
    public static byte[] Cii(InvoiceGenerator.InvoiceDocument d)
    {
        var x = new StringBuilder();
        x.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
            <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>

            """);
        x.Append($"<rsm:ExchangedDocument><ram:ID>{E(d.InvoiceNumber)}</ram:ID><ram:TypeCode>{(d.IsCreditNote ? 381 : 380)}</ram:TypeCode>");
        x.Append($"<ram:IssueDateTime><udt:DateTimeString format=\"102\">{D102(d.InvoiceDate)}</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>\n");
        x.Append("<rsm:SupplyChainTradeTransaction>\n");
        var n = 0;
        foreach (var line in d.Lines)
        {
            x.Append($"<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>{++n}</ram:LineID></ram:AssociatedDocumentLineDocument>");
            x.Append($"<ram:SpecifiedTradeProduct><ram:Name>{E(line.Description)}</ram:Name></ram:SpecifiedTradeProduct>");
            x.Append($"<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>{M(line.UnitPrice)}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>");
            x.Append($"<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">{Q(line.Quantity)}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>");
            x.Append($"<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>{Category(d, line.Rate)}</ram:CategoryCode><ram:RateApplicablePercent>{M(line.Rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>");
            x.Append($"<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{M(line.Total)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>\n");
        }
        x.Append($"<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:Name>{E(d.SupplierName)}</ram:Name>");
        x.Append($"<ram:SpecifiedLegalOrganization><ram:ID schemeID=\"0009\">{d.Siret}</ram:ID></ram:SpecifiedLegalOrganization>");
        x.Append($"<ram:PostalTradeAddress><ram:PostcodeCode>{E(d.SupplierCity[..5])}</ram:PostcodeCode><ram:LineOne>{E(d.SupplierStreet)}</ram:LineOne><ram:CityName>{E(d.SupplierCity[6..])}</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>");
        if (d.SupplierVat is { } vat)
        {
            x.Append($"<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">{vat}</ram:ID></ram:SpecifiedTaxRegistration>");
        }
        x.Append($"</ram:SellerTradeParty><ram:BuyerTradeParty><ram:Name>{E(d.ClientName)}</ram:Name></ram:BuyerTradeParty></ram:ApplicableHeaderTradeAgreement>\n");
        x.Append("<ram:ApplicableHeaderTradeDelivery/>\n");
        x.Append($"<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>{d.Currency}</ram:InvoiceCurrencyCode>");
        x.Append("<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>");
        foreach (var b in d.Breakdown)
        {
            x.Append($"<ram:ApplicableTradeTax><ram:CalculatedAmount>{M(b.TaxAmount)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>");
            if (d.VatExempt)
            {
                x.Append("<ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason>");
            }
            x.Append($"<ram:BasisAmount>{M(b.BaseAmount)}</ram:BasisAmount><ram:CategoryCode>{Category(d, b.Rate)}</ram:CategoryCode><ram:RateApplicablePercent>{M(b.Rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>");
        }
        x.Append("<ram:SpecifiedTradePaymentTerms><ram:Description>Paiement à réception, pénalités de retard au taux légal</ram:Description>");
        if (d.DueDate is { } due)
        {
            x.Append($"<ram:DueDateDateTime><udt:DateTimeString format=\"102\">{D102(due)}</udt:DateTimeString></ram:DueDateDateTime>");
        }
        x.Append("</ram:SpecifiedTradePaymentTerms>");
        x.Append($"<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>{M(d.AmountHt)}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>{M(d.AmountHt)}</ram:TaxBasisTotalAmount>");
        x.Append($"<ram:TaxTotalAmount currencyID=\"{d.Currency}\">{M(d.AmountTva)}</ram:TaxTotalAmount><ram:GrandTotalAmount>{M(d.AmountTtc)}</ram:GrandTotalAmount><ram:DuePayableAmount>{M(d.AmountTtc)}</ram:DuePayableAmount>");
        x.Append("</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>\n</rsm:SupplyChainTradeTransaction>\n</rsm:CrossIndustryInvoice>\n");
        return Encoding.UTF8.GetBytes(x.ToString());
    }

    public static byte[] Ubl(InvoiceGenerator.InvoiceDocument d)
    {
        var (root, ns, typeElement, lineElement, quantityElement) = d.IsCreditNote
            ? ("CreditNote", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNoteTypeCode", "CreditNoteLine", "CreditedQuantity")
            : ("Invoice", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "InvoiceTypeCode", "InvoiceLine", "InvoicedQuantity");
        var c = d.Currency;
        var x = new StringBuilder();
        x.Append($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"{ns}\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n");
        x.Append("<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>");
        x.Append($"<cbc:ID>{E(d.InvoiceNumber)}</cbc:ID><cbc:IssueDate>{Iso(d.InvoiceDate)}</cbc:IssueDate>");
        if (d.DueDate is { } due && !d.IsCreditNote)
        {
            x.Append($"<cbc:DueDate>{Iso(due)}</cbc:DueDate>");
        }
        x.Append($"<cbc:{typeElement}>{(d.IsCreditNote ? 381 : 380)}</cbc:{typeElement}><cbc:DocumentCurrencyCode>{c}</cbc:DocumentCurrencyCode>\n");
        x.Append($"<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cbc:StreetName>{E(d.SupplierStreet)}</cbc:StreetName><cbc:CityName>{E(d.SupplierCity[6..])}</cbc:CityName><cbc:PostalZone>{E(d.SupplierCity[..5])}</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>");
        if (d.SupplierVat is { } vat)
        {
            x.Append($"<cac:PartyTaxScheme><cbc:CompanyID>{vat}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>");
        }
        x.Append($"<cac:PartyLegalEntity><cbc:RegistrationName>{E(d.SupplierName)}</cbc:RegistrationName><cbc:CompanyID schemeID=\"0009\">{d.Siret}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>\n");
        x.Append($"<cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>{E(d.ClientName)}</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>\n");
        x.Append("<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>");
        if (d.DueDate is { } creditDue && d.IsCreditNote)
        {
            x.Append($"<cbc:PaymentDueDate>{Iso(creditDue)}</cbc:PaymentDueDate>");
        }
        x.Append("<cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>");
        x.Append("<cac:PaymentTerms><cbc:Note>Paiement à réception, pénalités de retard au taux légal</cbc:Note></cac:PaymentTerms>\n");
        x.Append($"<cac:TaxTotal><cbc:TaxAmount currencyID=\"{c}\">{M(d.AmountTva)}</cbc:TaxAmount>");
        foreach (var b in d.Breakdown)
        {
            x.Append($"<cac:TaxSubtotal><cbc:TaxableAmount currencyID=\"{c}\">{M(b.BaseAmount)}</cbc:TaxableAmount><cbc:TaxAmount currencyID=\"{c}\">{M(b.TaxAmount)}</cbc:TaxAmount>");
            x.Append($"<cac:TaxCategory><cbc:ID>{Category(d, b.Rate)}</cbc:ID><cbc:Percent>{M(b.Rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>");
        }
        x.Append("</cac:TaxTotal>\n");
        x.Append($"<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID=\"{c}\">{M(d.AmountHt)}</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID=\"{c}\">{M(d.AmountHt)}</cbc:TaxExclusiveAmount>");
        x.Append($"<cbc:TaxInclusiveAmount currencyID=\"{c}\">{M(d.AmountTtc)}</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID=\"{c}\">{M(d.AmountTtc)}</cbc:PayableAmount></cac:LegalMonetaryTotal>\n");
        var n = 0;
        foreach (var line in d.Lines)
        {
            x.Append($"<cac:{lineElement}><cbc:ID>{++n}</cbc:ID><cbc:{quantityElement} unitCode=\"C62\">{Q(line.Quantity)}</cbc:{quantityElement}><cbc:LineExtensionAmount currencyID=\"{c}\">{M(line.Total)}</cbc:LineExtensionAmount>");
            x.Append($"<cac:Item><cbc:Name>{E(line.Description)}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>{Category(d, line.Rate)}</cbc:ID><cbc:Percent>{M(line.Rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>");
            x.Append($"<cac:Price><cbc:PriceAmount currencyID=\"{c}\">{M(line.UnitPrice)}</cbc:PriceAmount></cac:Price></cac:{lineElement}>\n");
        }
        x.Append($"</{root}>\n");
        return Encoding.UTF8.GetBytes(x.ToString());
    }

    private static string Category(InvoiceGenerator.InvoiceDocument d, decimal rate) => d.VatExempt ? "E" : rate == 0 ? "Z" : "S";

    private static string E(string text) => SecurityElement.Escape(text);

    private static string M(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Q(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string D102(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
