using Backend.Core.Accounting;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;
using Microsoft.Extensions.Options;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>
/// Account accuracy of the rules analyzer on a hand-labelled set (<c>tests/data/expense-accounts/labels.tsv</c>): real
/// invoices read through their visible text layer (the OCR path, no XML), hand-typed invoices, and EN 16931 example
/// e-invoices read from their XML with their lines. The account compared is the expense account carrying the largest
/// part of HT; an expected root matches any sub-account (6156 matches 61560000).
/// </summary>
public static class ExpenseAccountBench
{
    public const string LabelsPath = "tests/data/expense-accounts/labels.tsv";

    public sealed record Labelled(string Source, string Document, string Expected, string Why);

    public sealed record Result(Labelled Label, string? Actual, string? Notes)
    {
        public bool Right => Actual is not null && Actual.StartsWith(Label.Expected, StringComparison.Ordinal);
    }

    /// <param name="labelsPath">Relative to the repository root; the development labels when null.</param>
    public static IReadOnlyList<Labelled> Load(string repositoryRoot, string? labelsPath = null) =>
        File.ReadAllLines(Path.Combine(repositoryRoot, labelsPath ?? LabelsPath))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new Labelled(c[0], c[1], c[2], c.Length > 3 ? c[3] : ""))
            .ToList();

    public static IReadOnlyList<Result> Run(string repositoryRoot, IReadOnlyList<Labelled> labels, string workDirectory)
    {
        var extractor = new InvoiceFieldExtractor();
        var analyzer = new RulesInvoiceAnalyzer(Options.Create(new AccountingSettings()));
        var results = new List<Result>();
        foreach (var label in labels)
        {
            var invoice = label.Source switch
            {
                "real" => FromText(extractor, LocalEngine.ReadVisibleTextLayer(Path.Combine(repositoryRoot, RealInvoiceSet.RelativeDirectory, label.Document), workDirectory).Text),
                "handtyped" => FromText(extractor, File.ReadAllText(Path.Combine(repositoryRoot, "tests/Backend.Tests/Extraction/TestData/handtyped", label.Document))),
                "eu" => FromXml(extractor, File.ReadAllBytes(Path.Combine(repositoryRoot, "tests/Backend.Tests/EInvoices/TestData/eu", label.Document))),
                _ => throw new InvalidDataException($"Unknown source '{label.Source}' in {LabelsPath}."),
            };
            var proposal = analyzer.Analyze(invoice);
            var expense = proposal.Entries
                .Where(e => e.AccountNumber[0] is '6' or '2')
                .MaxBy(e => Math.Abs(e.Debit - e.Credit));
            results.Add(new Result(label, expense?.AccountNumber, proposal.Notes));
        }
        return results;
    }

    private static InvoiceToAnalyze FromText(InvoiceFieldExtractor extractor, string text)
    {
        var pages = text.Split('\f').Select((p, i) => new OcrPage(i + 1, p, [])).ToList();
        return new InvoiceToAnalyze(Bookable(extractor.Extract(new OcrResult("bench", text, 1, pages, [], "{}"))), text);
    }

    private static InvoiceToAnalyze FromXml(InvoiceFieldExtractor extractor, byte[] xml)
    {
        var read = new StructuredInvoiceReader(extractor).Read(xml, MediaTypes.Xml);
        var invoice = read.Invoice ?? throw new InvalidDataException("Not an e-invoice.");
        return new InvoiceToAnalyze(Bookable(invoice.Fields), read.Text, Lines: invoice.Lines.Select(l => new BookableLine(l.Description, l.NetAmount)).ToList());
    }

    // The account is what is measured: amounts and date are made bookable (a tourist tax outside VAT, a missed
    // field) so that every labelled invoice gets an account.
    private static InvoiceFields Bookable(InvoiceFields fields)
    {
        var ht = fields.AmountHt?.Value ?? fields.AmountTtc?.Value ?? 1m;
        var tva = fields.AmountHt is null ? 0m : fields.AmountTva?.Value ?? 0m;
        return fields with
        {
            InvoiceDate = fields.InvoiceDate ?? new Extracted<DateOnly>(new DateOnly(2024, 1, 1), 0),
            AmountHt = new Extracted<decimal>(ht == 0 ? 1m : ht, 0),
            AmountTva = new Extracted<decimal>(tva, 0),
            AmountTtc = new Extracted<decimal>((ht == 0 ? 1m : ht) + tva, 0),
            VatRate = null,
            VatBreakdown = [],
        };
    }
}
