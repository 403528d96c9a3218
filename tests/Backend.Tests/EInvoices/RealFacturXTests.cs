using System.Globalization;
using System.Text.Json;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;

namespace Backend.Tests.EInvoices;

/// <summary>
/// The real Factur-X / ZUGFeRD PDFs (other people's software) read exactly from their embedded XML, every field of the
/// expected-values file, credit notes negative; engine facturx, confidence 1, no external process.
/// </summary>
public sealed class RealFacturXTests
{
    private static readonly IReadOnlyDictionary<string, string> Files = EInvoiceFiles.RealInvoices();

    public static TheoryData<string> Names => EInvoiceFiles.Names(Files);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_field_of_a_real_factur_x_is_read_exactly(string name)
    {
        var path = Files[name];
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));
        var e = expected.RootElement;

        var read = new StructuredInvoiceReader(new InvoiceFieldExtractor()).Read(File.ReadAllBytes(path), MediaTypes.Pdf);

        Assert.Null(read.FallbackReason);
        Assert.Equal(EInvoiceEngines.FacturX, read.Engine);
        var f = read.Invoice!.Fields;
        Assert.Equal(1.0, f.Confidence);
        Assert.Equal(Str(e, "supplierName"), f.SupplierName?.Value);
        Assert.Equal(Str(e, "supplierVAT"), f.SupplierVat?.Value);
        Assert.Equal(Str(e, "invoiceNumber"), f.InvoiceNumber?.Value);
        Assert.Equal(Str(e, "invoiceDate"), f.InvoiceDate?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(Str(e, "dueDate"), f.DueDate?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(Amount(e, "amountHT"), f.AmountHt?.Value);
        Assert.Equal(Amount(e, "amountTVA"), f.AmountTva?.Value);
        Assert.Equal(Amount(e, "amountTTC"), f.AmountTtc?.Value);
        Assert.Equal(Amount(e, "tvaRate"), f.VatRate?.Value);
        Assert.Equal(Str(e, "currency"), f.Currency?.Value);
        Assert.Equal(Amount(e, "amountTTC") < 0, f.IsCreditNote);
    }

    [Fact]
    public void The_weclapp_invoice_whose_page_disagrees_with_its_xml_is_flagged_and_the_others_are_not()
    {
        var flagged = new List<string>();
        foreach (var (name, path) in Files)
        {
            var read = new StructuredInvoiceReader(new InvoiceFieldExtractor()).Read(File.ReadAllBytes(path), MediaTypes.Pdf);
            if (read.Issues.Any(i => i.StartsWith("Factur-X", StringComparison.Ordinal)))
            {
                flagged.Add(name);
            }
        }
        Assert.Equal(["mustangproject/MustangBeispiel20221026.pdf"], flagged);
    }

    private static string? Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Amount(JsonElement e, string key) =>
        Str(e, key) is { } s ? decimal.Parse(s, CultureInfo.InvariantCulture) : null;
}
