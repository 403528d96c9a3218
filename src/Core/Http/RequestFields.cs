using System.Globalization;
using System.Text.Json;

namespace Backend.Core.Http;

/// <summary>
/// Typed, validated access to the members of a JSON object body (or a query string). Each problem is
/// recorded against its field name so one 400 answer lists everything that is wrong.
/// </summary>
public sealed class RequestFields
{
    private readonly JsonElement _root;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public RequestFields(JsonElement root) => _root = root;

    public IReadOnlyDictionary<string, string> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public bool Has(string name) => _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public void AddError(string field, string problem) => _errors.TryAdd(field, problem);

    public string? String(string name, int maxLength, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            AddError(name, "doit être une chaîne de caractères");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            AddError(name, $"au plus {maxLength} caractères");
            return null;
        }
        // PostgreSQL text cannot store NUL: the insert would fail with a 500 instead of refusing the input.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            AddError(name, "caractère NUL interdit");
            return null;
        }
        if (required && string.IsNullOrWhiteSpace(text))
        {
            AddError(name, "requis");
            return null;
        }
        return text;
    }

    /// <summary>A JSON array of strings, each at most <paramref name="maxLength"/> characters, at most <paramref name="maxItems"/> of them.</summary>
    public IReadOnlyList<string>? StringList(string name, int maxItems, int maxLength, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 || value.GetArrayLength() > maxItems
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String || item.GetString()!.Length is 0 || item.GetString()!.Length > maxLength))
        {
            AddError(name, $"tableau de 1 à {maxItems} chaînes de 1 à {maxLength} caractères attendu");
            return null;
        }
        return value.EnumerateArray().Select(item => item.GetString()!).Distinct(StringComparer.Ordinal).ToList();
    }

    public int? Int(string name, int min, int max, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            AddError(name, "doit être un nombre entier");
            return null;
        }
        if (number < min || number > max)
        {
            AddError(name, $"doit être entre {min} et {max}");
            return null;
        }
        return number;
    }

    public DateTimeOffset? Timestamp(string name, bool required)
    {
        var text = String(name, 40, required);
        if (text is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            AddError(name, "date ISO 8601 attendue, ex. 2026-12-31T23:59:59Z");
            return null;
        }
        return when.ToUniversalTime();
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        value = default;
        if (_root.ValueKind != JsonValueKind.Object || !_root.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                AddError(name, "requis");
            }
            return false;
        }
        return true;
    }

    /// <summary>An array of strings, each at most <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string>? Strings(string name, int maxItems, int maxLength, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > maxItems
            || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || v.GetString()!.Length > maxLength))
        {
            AddError(name, $"tableau d'au plus {maxItems} chaînes attendu");
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
