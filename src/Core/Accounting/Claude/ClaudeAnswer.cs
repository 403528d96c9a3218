using System.Globalization;
using System.Text.Json;

namespace Backend.Core.Accounting.Claude;

/// <summary>Claude's proposed lines, before the invariants are checked.</summary>
internal sealed record ClaudeAnswer(IReadOnlyList<ClaudeAnswer.Line> Lines, string? Notes)
{
    public sealed record Line(string AccountNumber, string? Label, decimal Debit, decimal Credit);

    /// <summary>Reads the JSON object in Claude's text, tolerating a Markdown code fence around it.</summary>
    /// <returns>null with <paramref name="error"/> set when the text is not the expected JSON.</returns>
    public static ClaudeAnswer? Parse(string text, out string? error)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            error = "pas d'objet JSON";
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            if (!document.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                error = "champ « entries » absent";
                return null;
            }
            var lines = new List<Line>();
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("accountNumber", out var account) || account.ValueKind != JsonValueKind.String
                    || Amount(entry, "debit") is not { } debit || Amount(entry, "credit") is not { } credit)
                {
                    error = $"ligne {lines.Count + 1} incomplète (accountNumber, debit, credit)";
                    return null;
                }
                var label = entry.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                lines.Add(new Line(account.GetString()!, label, debit, credit));
            }
            var notes = document.RootElement.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            error = null;
            return new ClaudeAnswer(lines, notes);
        }
        catch (JsonException)
        {
            error = "JSON malformé";
            return null;
        }
    }

    // Amounts arrive as JSON numbers or as strings ("1000.00", sometimes "1000,00"); anything else is refused.
    private static decimal? Amount(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString()!.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var d) => d,
            JsonValueKind.Null => 0m,
            _ => null,
        };
    }
}
