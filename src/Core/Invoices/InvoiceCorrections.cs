using System.Globalization;
using System.Text.Json;

namespace Backend.Core.Invoices;

/// <summary>
/// The fields a user corrects with <c>PATCH /api/invoices/{id}</c>, parsed from the seed's camelCase names into
/// column values. A field set to null clears it. Corrected fields get confidence 1.
/// </summary>
public sealed class InvoiceCorrections
{
    private static readonly Dictionary<string, (string Column, Func<JsonElement, (object? Value, string? Problem)> Parse)> Fields = new(StringComparer.Ordinal)
    {
        ["supplierName"] = ("supplier_name", e => Text(e, 500)),
        ["supplierVAT"] = ("supplier_vat", e => Pattern(e, v => v.Length is >= 4 and <= 15 && char.IsAsciiLetterUpper(v[0]) && char.IsAsciiLetterUpper(v[1]) && v.Skip(2).All(char.IsAsciiLetterOrDigit), "numéro de TVA attendu, ex. FR12345678901")),
        ["supplierSiren"] = ("supplier_siren", e => Pattern(e, v => v.Length == 9 && v.All(char.IsAsciiDigit), "9 chiffres attendus")),
        ["supplierSiret"] = ("supplier_siret", e => Pattern(e, v => v.Length == 14 && v.All(char.IsAsciiDigit), "14 chiffres attendus")),
        ["supplierAddress"] = ("supplier_address", e => Text(e, 1000)),
        ["invoiceNumber"] = ("invoice_number", e => Text(e, 100)),
        ["invoiceDate"] = ("invoice_date", Date),
        ["dueDate"] = ("due_date", Date),
        ["amountHT"] = ("amount_ht", e => Amount(e, 1_000_000_000_000m)),
        ["amountTVA"] = ("amount_tva", e => Amount(e, 1_000_000_000_000m)),
        ["amountTTC"] = ("amount_ttc", e => Amount(e, 1_000_000_000_000m)),
        ["tvaRate"] = ("tva_rate", e => Amount(e, 100m, allowNegative: false)),
        ["currency"] = ("currency", e => Pattern(e, v => v.Length == 3 && v.All(char.IsAsciiLetterUpper), "code ISO 4217 en majuscules attendu, ex. EUR")),
    };

    private InvoiceCorrections(Dictionary<string, object?> columns, Dictionary<string, double> confidences)
    {
        Columns = columns;
        ConfidenceJson = JsonSerializer.Serialize(confidences);
    }

    /// <summary>Column name → new value (null clears).</summary>
    public IReadOnlyDictionary<string, object?> Columns { get; }

    public string ConfidenceJson { get; }

    public static IEnumerable<string> FieldNames => Fields.Keys;

    /// <returns>The corrections, or the problems keyed by field name.</returns>
    public static (InvoiceCorrections? Corrections, Dictionary<string, string> Problems) Parse(JsonElement body)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
        var confidences = new Dictionary<string, double>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems["body"] = "un objet JSON est attendu";
            return (null, problems);
        }
        foreach (var property in body.EnumerateObject())
        {
            if (!Fields.TryGetValue(property.Name, out var field))
            {
                problems[property.Name] = $"champ inconnu ; champs modifiables : {string.Join(", ", Fields.Keys)}";
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                columns[field.Column] = null;
                continue;
            }
            var (value, problem) = field.Parse(property.Value);
            if (problem is not null)
            {
                problems[property.Name] = problem;
                continue;
            }
            columns[field.Column] = value;
            confidences[property.Name] = 1.0;
        }
        return problems.Count > 0 ? (null, problems) : (new InvoiceCorrections(columns, confidences), problems);
    }

    /// <summary>The value a column will have after the correction (the correction wins over the stored value).</summary>
    public T? ValueOr<T>(string column, T? stored) where T : struct =>
        Columns.TryGetValue(column, out var value) ? (T?)value : stored;

    private static (object?, string?) Text(JsonElement e, int max)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            return (null, "chaîne attendue");
        }
        var value = e.GetString()!.Trim();
        return value.Length is 0 || value.Length > max || value.Any(c => char.IsControl(c) && c is not '\n')
            ? (null, $"chaîne de 1 à {max} caractères attendue")
            : (value, null);
    }

    private static (object?, string?) Pattern(JsonElement e, Func<string, bool> valid, string problem)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            return (null, "chaîne attendue");
        }
        var value = e.GetString()!.Replace(" ", "", StringComparison.Ordinal).Trim();
        return valid(value) ? (value, null) : (null, problem);
    }

    private static (object?, string?) Date(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString()!;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (date, null);
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal))
            {
                return (DateOnly.FromDateTime(instant.UtcDateTime), null);
            }
        }
        return (null, "date attendue (AAAA-MM-JJ ou ISO 8601)");
    }

    private static (object?, string?) Amount(JsonElement e, decimal limit, bool allowNegative = true)
    {
        decimal value;
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var number))
        {
            value = number;
        }
        else if (e.ValueKind == JsonValueKind.String
                 && decimal.TryParse(e.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            return (null, "montant attendu (nombre ou chaîne \"1234.56\")");
        }
        if (decimal.Round(value, 2) != value)
        {
            return (null, "deux décimales au plus");
        }
        if (Math.Abs(value) >= limit || (!allowNegative && value < 0))
        {
            return (null, "valeur hors limites");
        }
        return (value, null);
    }
}
