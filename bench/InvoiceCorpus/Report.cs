using System.Globalization;
using System.Text.RegularExpressions;
using Backend.Core.Invoices.Extraction;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>Compares extracted fields with the ground truth: the ten fields of the issue, exact match after trivial normalisation.</summary>
public sealed class Report
{
    private const double Gate = 0.70;

    private static readonly string[] FieldNames = ["supplier_name", "supplier_vat", "invoice_number", "invoice_date", "due_date", "amount_ht", "amount_tva", "amount_ttc", "vat_rate", "currency"];

    private readonly Dictionary<string, FieldScore> _scores = FieldNames.ToDictionary(n => n, _ => new FieldScore());
    private int _gated, _gatedTtcWrong, _gatedAllRight, _ungated, _ungatedTtcWrong, _ungatedAllRight;
    private int _fieldsAbove, _fieldsAboveRight, _fieldsBelow, _fieldsBelowRight;
    private int _chained, _chainedKeyWrong, _held, _heldKeyWrong;
    private readonly SortedDictionary<string, int> _heldBecause = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Above, int AboveRight)> _perFieldAbove = FieldNames.ToDictionary(n => n, _ => (0, 0));

    // Field names of this report → the pipeline's key fields, whose own thresholds decide chaining.
    private static readonly Dictionary<string, string> KeyFieldOf = new()
    {
        ["supplier_name"] = "supplierName", ["amount_ttc"] = "amountTTC", ["amount_ht"] = "amountHT", ["amount_tva"] = "amountTVA", ["invoice_date"] = "invoiceDate",
    };

    private static double ThresholdOf(string name) =>
        KeyFieldOf.TryGetValue(name, out var key) ? KeyFieldReview.Fields.Single(k => k.Name == key).Threshold : Gate;

    public List<string> Failures { get; } = [];

    public double Overall => _scores.Values.Average(s => s.Exact);
    public double TtcExact => _scores["amount_ttc"].Exact;
    public int Chained => _chained;
    public int ChainedWithWrongKeyField => _chainedKeyWrong;
    public double FieldExact(string name) => _scores[name].Exact;
    public double GatedTtcErrorRate => _gated == 0 ? 0 : (double)_gatedTtcWrong / _gated;

    public static Report Build(IReadOnlyList<(GroundTruth Truth, InvoiceFields Fields)> results)
    {
        var report = new Report();
        foreach (var (truth, fields) in results)
        {
            report.Add(truth, fields);
        }
        return report;
    }

    private void Add(GroundTruth t, InvoiceFields f)
    {
        var checks = new (string Name, string? Expected, string? Actual, double? Confidence)[]
        {
            ("supplier_name", Text(t.SupplierName), Text(f.SupplierName?.Value), f.SupplierName?.Confidence),
            ("supplier_vat", t.SupplierVat, f.SupplierVat?.Value, f.SupplierVat?.Confidence),
            ("invoice_number", t.InvoiceNumber, f.InvoiceNumber?.Value, f.InvoiceNumber?.Confidence),
            ("invoice_date", Date(t.InvoiceDate), Date(f.InvoiceDate?.Value), f.InvoiceDate?.Confidence),
            ("due_date", Date(t.DueDate), Date(f.DueDate?.Value), f.DueDate?.Confidence),
            ("amount_ht", Money(t.AmountHt), Money(f.AmountHt?.Value), f.AmountHt?.Confidence),
            ("amount_tva", Money(t.AmountTva), Money(f.AmountTva?.Value), f.AmountTva?.Confidence),
            ("amount_ttc", Money(t.AmountTtc), Money(f.AmountTtc?.Value), f.AmountTtc?.Confidence),
            ("vat_rate", Money(t.VatRate), Money(f.VatRate?.Value), f.VatRate?.Confidence),
            ("currency", t.Currency, f.Currency?.Value, f.Currency?.Confidence),
        };
        var allRight = true;
        var keyWrong = false;
        var wrong = new List<string>();
        foreach (var (name, expected, actual, confidence) in checks)
        {
            var s = _scores[name];
            s.Documents++;
            if (expected is not null) s.Expected++;
            if (actual is not null) s.Predicted++;
            var right = expected == actual;
            if (right) s.ExactMatch++;
            if (right && actual is not null) s.CorrectPredicted++;
            if (!right)
            {
                allRight = false;
                wrong.Add($"{name}: expected {expected ?? "null"} got {actual ?? "null"} ({confidence:0.00})");
            }
            if (actual is not null && confidence is not null)
            {
                if (confidence >= ThresholdOf(name))
                {
                    _fieldsAbove++;
                    if (right) _fieldsAboveRight++;
                    var (above, aboveRight) = _perFieldAbove[name];
                    _perFieldAbove[name] = (above + 1, aboveRight + (right ? 1 : 0));
                }
                else { _fieldsBelow++; if (right) _fieldsBelowRight++; }
            }
            if (!right && KeyFieldOf.ContainsKey(name))
            {
                keyWrong = true;
            }
        }
        // What the pipeline does with this invoice: chained to the AI analysis, or held for a person.
        if (f.Confidence >= Gate && KeyFieldReview.Doubtful(f).Count == 0)
        {
            _chained++;
            if (keyWrong) _chainedKeyWrong++;
        }
        else
        {
            _held++;
            if (keyWrong) _heldKeyWrong++;
            foreach (var k in KeyFieldReview.Doubtful(f))
            {
                _heldBecause[k.Name] = _heldBecause.GetValueOrDefault(k.Name) + 1;
            }
        }
        var ttcRight = Money(t.AmountTtc) == Money(f.AmountTtc?.Value);
        if (f.Confidence >= Gate)
        {
            _gated++;
            if (!ttcRight) _gatedTtcWrong++;
            if (allRight) _gatedAllRight++;
        }
        else
        {
            _ungated++;
            if (!ttcRight) _ungatedTtcWrong++;
            if (allRight) _ungatedAllRight++;
        }
        if (wrong.Count > 0)
        {
            Failures.Add($"{t.Id} layout {t.Layout} conf {f.Confidence:0.00}: {string.Join("; ", wrong)}");
        }
    }

    public void Print()
    {
        Console.WriteLine($"{"field",-16}{"precision",10}{"recall",10}{"exact",10}   calibration: right / at or above threshold");
        foreach (var name in FieldNames)
        {
            var s = _scores[name];
            var (above, aboveRight) = _perFieldAbove[name];
            Console.WriteLine($"{name,-16}{s.Precision,10:P1}{s.Recall,10:P1}{s.Exact,10:P1}   {aboveRight}/{above} ≥ {ThresholdOf(name):0.00} ({Rate(aboveRight, above)})");
        }
        Console.WriteLine($"{"overall",-16}{"",10}{"",10}{Overall,10:P1}");
        Console.WriteLine($"calibration: invoices ≥ 0.70: {_gated} (TTC wrong {_gatedTtcWrong} = {Rate(_gatedTtcWrong, _gated)}, all fields right {Rate(_gatedAllRight, _gated)}); " +
            $"< 0.70: {_ungated} (TTC wrong {_ungatedTtcWrong} = {Rate(_ungatedTtcWrong, _ungated)}, all fields right {Rate(_ungatedAllRight, _ungated)})");
        Console.WriteLine($"pipeline: chained to AI analysis {_chained} (a key field wrong in {_chainedKeyWrong}); held in PENDING_VALIDATION {_held} (a key field wrong in {_heldKeyWrong}; doubtful: {(_heldBecause.Count == 0 ? "none" : string.Join(", ", _heldBecause.Select(kv => $"{kv.Key} {kv.Value}")))})");
        Console.WriteLine($"calibration: fields ≥ threshold right {Rate(_fieldsAboveRight, _fieldsAbove)} of {_fieldsAbove}; fields below threshold right {Rate(_fieldsBelowRight, _fieldsBelow)} of {_fieldsBelow}");
    }

    private static string Rate(int n, int d) => d == 0 ? "n/a" : ((double)n / d).ToString("P1", CultureInfo.InvariantCulture);

    private static string? Text(string? s) => s is null ? null : Regex.Replace(TextFoldForCompare(s), @"\s+", " ").Trim(' ', ',', '.', '-');

    private static string TextFoldForCompare(string s) => s.ToUpperInvariant();

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Money(decimal? m) => m?.ToString("0.00", CultureInfo.InvariantCulture);
}
