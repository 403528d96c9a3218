using System.Globalization;
using System.Text;

namespace Backend.Tests.EInvoices;

/// <summary>Small CII invoices written in the test, for what the corpus does not draw: chosen lines, broken totals, ZUGFeRD 1.0.</summary>
internal static class HandWrittenCii
{
    public static byte[] Invoice(string supplier, (string Description, decimal Net, decimal Rate)[] lines, decimal? grandTotal = null, string number = "F-2026-0107")
    {
        var ht = lines.Sum(l => l.Net);
        var breakdown = lines.GroupBy(l => l.Rate).Select(g => (Rate: g.Key, Base: g.Sum(l => l.Net), Tax: Math.Round(g.Sum(l => l.Net) * g.Key / 100m, 2))).ToList();
        var tva = breakdown.Sum(b => b.Tax);
        var x = new StringBuilder();
        x.Append($"""
            <?xml version="1.0" encoding="UTF-8"?>
            {HostileEInvoices.CiiOpen}
            <rsm:ExchangedDocument><ram:ID>{number}</ram:ID><ram:TypeCode>380</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" format="102">20261105</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
            <rsm:SupplyChainTradeTransaction>
            """);
        foreach (var (description, net, rate) in lines)
        {
            x.Append($"<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:Name>{description}</ram:Name></ram:SpecifiedTradeProduct>");
            x.Append($"<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>");
            x.Append($"<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>{M(rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>");
            x.Append($"<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{M(net)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>");
        }
        x.Append($"<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:Name>{supplier}</ram:Name><ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">FR44732829320</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>");
        x.Append("<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>");
        foreach (var b in breakdown)
        {
            x.Append($"<ram:ApplicableTradeTax><ram:CalculatedAmount>{M(b.Tax)}</ram:CalculatedAmount><ram:BasisAmount>{M(b.Base)}</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>{M(b.Rate)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>");
        }
        x.Append($"<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>{M(ht)}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>{M(ht)}</ram:TaxBasisTotalAmount>");
        x.Append($"<ram:TaxTotalAmount currencyID=\"EUR\">{M(tva)}</ram:TaxTotalAmount><ram:GrandTotalAmount>{M(grandTotal ?? ht + tva)}</ram:GrandTotalAmount><ram:DuePayableAmount>{M(grandTotal ?? ht + tva)}</ram:DuePayableAmount>");
        x.Append("</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>");
        return Encoding.UTF8.GetBytes(x.ToString());
    }

    /// <summary>A ZUGFeRD 1.0 <c>CrossIndustryDocument</c> credit note: the predecessor's namespaces and aggregate names.</summary>
    public static byte[] Zugferd1CreditNote() => Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
          <rsm:SpecifiedExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:ferd:CrossIndustryDocument:invoice:1p0:comfort</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:SpecifiedExchangedDocumentContext>
          <rsm:HeaderExchangedDocument><ram:ID>GS-471102</ram:ID><ram:TypeCode>381</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">20130305</udt:DateTimeString></ram:IssueDateTime></rsm:HeaderExchangedDocument>
          <rsm:SpecifiedSupplyChainTradeTransaction>
            <ram:ApplicableSupplyChainTradeAgreement>
              <ram:SellerTradeParty><ram:GlobalID schemeID="0009">73282932000074</ram:GlobalID><ram:Name>Lieferant GmbH</ram:Name><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
            </ram:ApplicableSupplyChainTradeAgreement>
            <ram:ApplicableSupplyChainTradeSettlement>
              <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementPaymentMeans><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DE08700901001234567890</ram:IBANID></ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>
              <ram:ApplicableTradeTax><ram:CalculatedAmount currencyID="EUR">19.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount currencyID="EUR">100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:ApplicableTradeTax>
              <ram:SpecifiedTradePaymentTerms><ram:Description>Zahlbar sofort</ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20130404</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
              <ram:SpecifiedTradeSettlementMonetarySummation>
                <ram:LineTotalAmount currencyID="EUR">100.00</ram:LineTotalAmount><ram:ChargeTotalAmount currencyID="EUR">0.00</ram:ChargeTotalAmount><ram:AllowanceTotalAmount currencyID="EUR">0.00</ram:AllowanceTotalAmount>
                <ram:TaxBasisTotalAmount currencyID="EUR">100.00</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">19.00</ram:TaxTotalAmount><ram:GrandTotalAmount currencyID="EUR">119.00</ram:GrandTotalAmount><ram:DuePayableAmount currencyID="EUR">119.00</ram:DuePayableAmount>
              </ram:SpecifiedTradeSettlementMonetarySummation>
            </ram:ApplicableSupplyChainTradeSettlement>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:SpecifiedSupplyChainTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">50.00</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedSupplyChainTradeAgreement>
              <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="C62">2</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
              <ram:SpecifiedSupplyChainTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">100.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation></ram:SpecifiedSupplyChainTradeSettlement>
              <ram:SpecifiedTradeProduct><ram:Name>Trennblätter A4</ram:Name></ram:SpecifiedTradeProduct>
            </ram:IncludedSupplyChainTradeLineItem>
          </rsm:SpecifiedSupplyChainTradeTransaction>
        </rsm:CrossIndustryDocument>
        """);

    private static string M(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
