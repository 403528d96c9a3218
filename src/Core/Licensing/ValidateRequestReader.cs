using System.Text.Json;
using System.Text.Unicode;
using EasyFacture.Licensing;

namespace Backend.Core.Licensing;

/// <summary>
/// Validate's body read in one pass with <see cref="Utf8JsonReader"/>, no document, no copies: only a well-formed body
/// whose members are all known strings within their limits is accepted here. Anything else (a duplicate, an escaped or
/// overlong machine id, a wrong type, an unknown member, invalid UTF-8 or JSON) returns false, and the handler lets
/// <see cref="Http.JsonObjectBody"/> parse it again to word the exact 400, so both paths accept the same bodies.
/// </summary>
internal static class ValidateRequestReader
{
    public static bool TryRead(ReadOnlySpan<byte> body, out string machineId, out string licenseKey, out string? product)
    {
        machineId = licenseKey = "";
        product = null;
        if (!Utf8.IsValid(body))
        {
            return false;
        }
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            string? machine = null, key = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }
                if (name.ValueTextEquals("machine_id"u8) && machine is null)
                {
                    if (reader.ValueIsEscaped || !TryMachineId(reader.ValueSpan, out machine))
                    {
                        return false;
                    }
                }
                else if (name.ValueTextEquals("license_key"u8) && key is null)
                {
                    key = reader.GetString()!;
                    if (key.Length > LicenseKeyFormat.MaxKeyLength || key.Contains('\0', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(key))
                    {
                        return false;
                    }
                }
                else if (name.ValueTextEquals("product"u8) && product is null)
                {
                    product = reader.GetString()!;
                    if (product.Length > 50 || product.Contains('\0', StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || machine is null || key is null)
            {
                return false;
            }
            machineId = machine;
            licenseKey = key;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>32 hexadecimal characters, lower-cased as <see cref="MachineId.TryNormalize"/> stores them.</summary>
    private static bool TryMachineId(ReadOnlySpan<byte> value, out string? machineId)
    {
        machineId = null;
        if (value.Length != MachineId.Length)
        {
            return false;
        }
        foreach (var b in value)
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }
        }
        Span<char> chars = stackalloc char[MachineId.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.ToLowerInvariant((char)value[i]);
        }
        machineId = new string(chars);
        return true;
    }
}
