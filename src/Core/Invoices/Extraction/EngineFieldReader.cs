using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Turns the fields an engine recognised itself (Textract's SummaryFields) into candidates that compete
/// with what the text says. Unknown or unparsable fields are ignored, never fatal.
/// </summary>
internal static class EngineFieldReader
{
    public sealed class Candidates
    {
        public List<Candidate<decimal>> Ht { get; } = [];
        public List<Candidate<decimal>> Tva { get; } = [];
        public List<Candidate<decimal>> Ttc { get; } = [];
        public List<Candidate<string>> Number { get; } = [];
        public List<Candidate<DateOnly>> Date { get; } = [];
        public List<Candidate<DateOnly>> Due { get; } = [];
        public List<Candidate<string>> Name { get; } = [];
        public List<Candidate<string>> Address { get; } = [];
        public List<Candidate<string>> TaxId { get; } = [];
        public List<string> CurrencySymbols { get; } = [];
    }

    public static Candidates Read(IReadOnlyList<OcrField> fields)
    {
        var c = new Candidates();
        foreach (var field in fields)
        {
            var value = field.Value?.Trim() ?? "";
            if (value.Length == 0)
            {
                continue;
            }
            var confidence = Math.Clamp(field.Confidence > 1 ? field.Confidence / 100 : field.Confidence, 0, 1);
            var score = 0.55 + 0.35 * confidence;
            switch (field.Type?.ToUpperInvariant())
            {
                case "SUBTOTAL":
                    AddAmount(c.Ht, c, value, score);
                    break;
                case "TAX":
                    AddAmount(c.Tva, c, value, score);
                    break;
                case "TOTAL":
                    AddAmount(c.Ttc, c, value, score);
                    break;
                case "AMOUNT_DUE":
                    AddAmount(c.Ttc, c, value, score * 0.92);
                    break;
                case "AMOUNT_PAID":
                    AddAmount(c.Ttc, c, value, score * 0.8);
                    break;
                case "INVOICE_RECEIPT_ID":
                    var token = InvoiceNumberReader.Token(value);
                    if (token is not null)
                    {
                        c.Number.Add(new(token, score, "engine"));
                    }
                    break;
                case "INVOICE_RECEIPT_DATE":
                    if (DateParser.TryParse(value) is { } date)
                    {
                        c.Date.Add(new(date, score, "engine"));
                    }
                    break;
                case "DUE_DATE":
                    if (DateParser.TryParse(value) is { } due)
                    {
                        c.Due.Add(new(due, score, "engine"));
                    }
                    break;
                case "VENDOR_NAME":
                    c.Name.Add(new(value.Replace('\n', ' '), score, "engine"));
                    break;
                case "VENDOR_ADDRESS":
                    c.Address.Add(new(value.Replace("\n", ", "), score, "engine"));
                    break;
                case "TAX_PAYER_ID" or "VENDOR_VAT_NUMBER":
                    c.TaxId.Add(new(value.Replace(" ", "").ToUpperInvariant(), score, "engine"));
                    break;
            }
        }
        return c;
    }

    private static void AddAmount(List<Candidate<decimal>> into, Candidates c, string value, double score)
    {
        var all = AmountParser.FindAll(value);
        if (all.Count == 0)
        {
            return;
        }
        var amount = all.MaxBy(a => a.Length)!;
        into.Add(new(amount.Value, score, "engine"));
        if (amount.Currency is not null)
        {
            c.CurrencySymbols.Add(amount.Currency);
        }
    }
}
