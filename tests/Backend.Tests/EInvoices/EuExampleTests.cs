using System.Globalization;
using System.Xml;
using System.Xml.XPath;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;

namespace Backend.Tests.EInvoices;

/// <summary>
/// The European Commission's EN 16931 examples (UBL and CII) read exactly. The expected values come from XPath queries
/// written here, on <see cref="XPathDocument"/>, independently of the reader under test (LINQ to XML).
/// </summary>
public sealed class EuExampleTests
{
    private static readonly IReadOnlyDictionary<string, string> Files = EInvoiceFiles.EuExamples();
    private static readonly string[] CreditTypes = ["381", "261", "396", "502", "503", "81", "83", "532"];

    public static TheoryData<string> Names => EInvoiceFiles.Names(Files);

    [Fact]
    public void Every_example_file_is_there()
    {
        Assert.True(Files.Count(f => f.Key.StartsWith("cii/", StringComparison.Ordinal)) >= 15);
        Assert.True(Files.Count(f => f.Key.StartsWith("ubl/", StringComparison.Ordinal)) >= 18);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_field_of_an_EN16931_example_is_read_exactly(string name)
    {
        var bytes = File.ReadAllBytes(Files[name]);
        var expected = name.StartsWith("cii/", StringComparison.Ordinal) ? ExpectedCii(bytes) : ExpectedUbl(bytes);

        Assert.Equal(MediaTypes.Xml, MediaTypes.Detect(bytes));
        var read = new StructuredInvoiceReader(new InvoiceFieldExtractor()).Read(bytes, MediaTypes.Xml);

        Assert.Null(read.FallbackReason);
        Assert.Equal(expected.Engine, read.Engine);
        var invoice = read.Invoice!;
        var f = invoice.Fields;
        Assert.Equal(1.0, f.Confidence);
        Assert.Equal(expected.Type, invoice.DocumentType);
        Assert.Equal(expected.Number, f.InvoiceNumber?.Value);
        Assert.Equal(expected.Date, f.InvoiceDate?.Value);
        Assert.Equal(expected.Due, f.DueDate?.Value);
        Assert.Equal(expected.Currency, f.Currency?.Value);
        Assert.Equal(expected.Seller, f.SupplierName?.Value);
        Assert.Equal(expected.SellerVat, f.SupplierVat?.Value);
        var sign = CreditTypes.Contains(expected.Type) ? -1m : 1m;
        Assert.Equal(sign * expected.Ht, f.AmountHt?.Value);
        Assert.Equal(sign * expected.Tva, f.AmountTva?.Value);
        Assert.Equal(sign * expected.Ttc, f.AmountTtc?.Value);
        Assert.Equal(f.AmountTtc!.Value < 0, f.IsCreditNote);
        Assert.Equal(expected.Iban, invoice.Iban);
        Assert.Equal(expected.LineCount, invoice.Lines.Count);
        Assert.Equal(sign * expected.LineNetSum, invoice.Lines.Sum(l => l.NetAmount));
        Assert.Equal(expected.BreakdownTax.Select(t => sign * t), invoice.VatBreakdown.Select(b => b.TaxAmount));
        Assert.Equal(expected.BreakdownBase.Select(t => sign * t), invoice.VatBreakdown.Select(b => b.BaseAmount));
        Assert.Empty(read.Issues);
    }

    private sealed record Expected(
        string Engine, string Type, string? Number, DateOnly? Date, DateOnly? Due, string? Currency, string? Seller, string? SellerVat,
        decimal? Ht, decimal? Tva, decimal? Ttc, string? Iban, int LineCount, decimal LineNetSum, List<decimal> BreakdownBase, List<decimal> BreakdownTax);

    private static Expected ExpectedCii(byte[] bytes)
    {
        var (nav, ns) = Open(bytes, ("rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"),
            ("ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"),
            ("udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"));
        const string tx = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";
        const string settlement = tx + "/ram:ApplicableHeaderTradeSettlement";
        const string sum = settlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
        var currency = S(nav, ns, settlement + "/ram:InvoiceCurrencyCode");
        var tva = D(nav, ns, $"{sum}/ram:TaxTotalAmount[@currencyID='{currency}' or not(@currencyID)]");
        return new Expected(
            "cii",
            S(nav, ns, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode")!,
            S(nav, ns, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID"),
            Date(S(nav, ns, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"), "yyyyMMdd"),
            Date(S(nav, ns, settlement + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"), "yyyyMMdd"),
            currency,
            S(nav, ns, tx + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:Name"),
            S(nav, ns, tx + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"),
            D(nav, ns, sum + "/ram:TaxBasisTotalAmount"),
            tva ?? Sum(nav, ns, settlement + "/ram:ApplicableTradeTax/ram:CalculatedAmount"),
            D(nav, ns, sum + "/ram:GrandTotalAmount"),
            S(nav, ns, settlement + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID"),
            (int)(double)nav.Evaluate($"count({tx}/ram:IncludedSupplyChainTradeLineItem)", ns),
            Sum(nav, ns, tx + "/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"),
            All(nav, ns, settlement + "/ram:ApplicableTradeTax/ram:BasisAmount"),
            All(nav, ns, settlement + "/ram:ApplicableTradeTax/ram:CalculatedAmount"));
    }

    private static Expected ExpectedUbl(byte[] bytes)
    {
        var (nav, ns) = Open(bytes, ("cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"),
            ("cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"),
            ("inv", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"),
            ("cn", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"));
        const string root = "/*[self::inv:Invoice or self::cn:CreditNote]";
        var creditNote = (bool)nav.Evaluate("boolean(/cn:CreditNote)", ns);
        var currency = S(nav, ns, root + "/cbc:DocumentCurrencyCode");
        var seller = root + "/cac:AccountingSupplierParty/cac:Party";
        var taxTotal = $"{root}/cac:TaxTotal[cbc:TaxAmount/@currencyID='{currency}']";
        return new Expected(
            "ubl",
            S(nav, ns, root + "/cbc:InvoiceTypeCode | " + root + "/cbc:CreditNoteTypeCode") ?? (creditNote ? "381" : "380"),
            S(nav, ns, root + "/cbc:ID"),
            Date(S(nav, ns, root + "/cbc:IssueDate"), "yyyy-MM-dd"),
            Date(S(nav, ns, root + "/cbc:DueDate") ?? S(nav, ns, root + "/cac:PaymentMeans/cbc:PaymentDueDate"), "yyyy-MM-dd"),
            currency,
            S(nav, ns, seller + "/cac:PartyLegalEntity/cbc:RegistrationName"),
            S(nav, ns, seller + "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"),
            D(nav, ns, root + "/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount"),
            D(nav, ns, taxTotal + "/cbc:TaxAmount"),
            D(nav, ns, root + "/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"),
            S(nav, ns, root + "/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"),
            (int)(double)nav.Evaluate($"count({root}/cac:InvoiceLine | {root}/cac:CreditNoteLine)", ns),
            Sum(nav, ns, $"{root}/cac:InvoiceLine/cbc:LineExtensionAmount | {root}/cac:CreditNoteLine/cbc:LineExtensionAmount"),
            All(nav, ns, taxTotal + "/cac:TaxSubtotal/cbc:TaxableAmount"),
            All(nav, ns, taxTotal + "/cac:TaxSubtotal/cbc:TaxAmount"));
    }

    private static (XPathNavigator, XmlNamespaceManager) Open(byte[] bytes, params (string Prefix, string Uri)[] namespaces)
    {
        using var stream = new MemoryStream(bytes);
        var nav = new XPathDocument(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit })).CreateNavigator();
        var ns = new XmlNamespaceManager(nav.NameTable);
        foreach (var (prefix, uri) in namespaces)
        {
            ns.AddNamespace(prefix, uri);
        }
        return (nav, ns);
    }

    private static string? S(XPathNavigator nav, IXmlNamespaceResolver ns, string xpath)
    {
        var value = nav.SelectSingleNode(xpath, ns)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static decimal? D(XPathNavigator nav, IXmlNamespaceResolver ns, string xpath) =>
        S(nav, ns, xpath) is { } s ? decimal.Parse(s, CultureInfo.InvariantCulture) : null;

    private static List<decimal> All(XPathNavigator nav, IXmlNamespaceResolver ns, string xpath) =>
        nav.Select(xpath, ns).Cast<XPathNavigator>().Select(n => decimal.Parse(n.Value.Trim(), CultureInfo.InvariantCulture)).ToList();

    private static decimal Sum(XPathNavigator nav, IXmlNamespaceResolver ns, string xpath) => All(nav, ns, xpath).Sum();

    private static DateOnly? Date(string? value, string format) =>
        value is null ? null : DateOnly.ParseExact(value, format, CultureInfo.InvariantCulture);
}
