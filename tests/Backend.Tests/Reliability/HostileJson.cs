using System.Text;
using System.Text.Json.Nodes;

namespace Backend.Tests.Reliability;

/// <summary>
/// Turns a valid request body into a hostile one: missing members, wrong types, huge strings, deep nesting,
/// invalid UTF-8, out-of-range numbers, garbage, truncation, duplicate keys, odd content types. Deterministic per seed.
/// </summary>
public static class HostileJson
{
    public const int Kinds = 17;

    public static (byte[] Body, string? ContentType, string Kind) Mutate(Random random, JsonObject sample)
    {
        var json = (JsonObject)sample.DeepClone();
        var names = json.Select(p => p.Key).ToArray();
        string Pick() => names.Length == 0 ? "x" : names[random.Next(names.Length)];
        byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
        const string Json = "application/json";
        switch (random.Next(Kinds))
        {
            case 0:
                json.Remove(Pick());
                return (Utf8(json), Json, "missing member");
            case 1:
                json[Pick()] = WrongType(random);
                return (Utf8(json), Json, "wrong type");
            case 2:
                json[Pick()] = new string((char)random.Next('a', 'z' + 1), random.Next(2) == 0 ? 20_000 : 1_200_000);
                return (Utf8(json), Json, "huge string");
            case 3:
            {
                var depth = random.Next(9, 20_000);
                var nested = new string('[', depth) + new string(']', depth);
                var member = Pick();
                json[member] = 0;
                var text = json.ToJsonString().Replace($"\"{member}\":0", $"\"{member}\":{nested}");
                return (Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text : nested), Json, "deep nesting");
            }
            case 4:
            {
                var member = Pick();
                json[member] = "MARK";
                var bytes = Utf8(json).ToList();
                var at = Encoding.UTF8.GetBytes(json.ToJsonString()).AsSpan().IndexOf("MARK"u8);
                byte[][] invalid = [[0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xFF], [0xED, 0xA0, 0x80]];
                bytes.InsertRange(at, invalid[random.Next(invalid.Length)]);
                return (bytes.ToArray(), Json, "invalid UTF-8");
            }
            case 5:
            {
                string[] numbers = ["1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "0.0000001", "1.5", "-0", "1E+2", "NaN", "Infinity", "99999999999999999999999999999999999"];
                var member = Pick();
                json[member] = 0;
                var text = json.ToJsonString().Replace($"\"{member}\":0", $"\"{member}\":{numbers[random.Next(numbers.Length)]}");
                return (Encoding.UTF8.GetBytes(text), Json, "number out of range");
            }
            case 6:
            {
                var bytes = new byte[random.Next(1, 4000)];
                random.NextBytes(bytes);
                return (bytes, Json, "random bytes");
            }
            case 7:
            {
                var bytes = Utf8(json);
                return (bytes[..random.Next(Math.Max(1, bytes.Length - 1))], Json, "truncated");
            }
            case 8:
                for (var i = random.Next(1, 2000); i > 0; i--)
                {
                    json[$"extra_{i}"] = i;
                }
                return (Utf8(json), Json, "unknown members");
            case 9:
                return ([], Json, "empty body");
            case 10:
            {
                string?[] types = [null, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/x-www-form-urlencoded", "*/*"];
                return (Utf8(json), types[random.Next(types.Length)], "content type");
            }
            case 11:
            {
                string[] roots = ["[]", "\"chaine\"", "42", "null", "true", "[{}]", "{}"];
                return (Encoding.UTF8.GetBytes(roots[random.Next(roots.Length)]), Json, "not an object");
            }
            case 12:
            {
                string[] odd = ["\u0000", "\u202E", "😀😀", "\uFEFF", "a\u0000b", "'; DROP TABLE licenses; --", "%00", "<script>alert(1)</script>", "../../etc/passwd", "\\u0000", "\uD800"];
                json[Pick()] = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => odd[random.Next(odd.Length)]));
                return (Utf8(json), Json, "odd characters");
            }
            case 13:
            {
                var member = Pick();
                var text = json.ToJsonString();
                var duplicated = text.Length > 2 ? text[..^1] + $",\"{member}\":\"again\"}}" : text;
                return (Encoding.UTF8.GetBytes(duplicated), Json, "duplicate member");
            }
            case 14:
            {
                // Several mutations at once.
                json.Remove(Pick());
                json[Pick()] = WrongType(random);
                json["\u0000"] = "x";
                return (Utf8(json), Json, "combined");
            }
            case 15:
                return (Encoding.UTF8.GetBytes(json.ToJsonString() + new string(' ', 20_000) + "{}"), Json, "trailing data");
            default:
                return (Utf8(json), Json, "valid sample");
        }
    }

    private static JsonNode? WrongType(Random random) => random.Next(7) switch
    {
        0 => JsonValue.Create(42),
        1 => JsonValue.Create(true),
        2 => null,
        3 => new JsonArray(1, "a", null),
        4 => new JsonObject { ["nested"] = "x" },
        5 => JsonValue.Create(-1.5e300),
        _ => JsonValue.Create(""),
    };

    /// <summary>Headers a hostile client might send; values stay free of CR/LF, which no HTTP stack would carry.</summary>
    public static IEnumerable<(string Name, string Value)> Headers(Random random)
    {
        string[] forwarded = ["999.999.1.1", "::ffff:zzz", "unknown", string.Join(",", Enumerable.Repeat("10.0.0.1", 500)), "", "1.2.3.4, 5.6.7.8", "[::1]:80", "'; DROP TABLE licenses; --"];
        string[] authorizations = ["Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer " + new string('A', 10_000), "bearer x", "Digest x"];
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(6) switch
            {
                0 => ("X-Forwarded-For", forwarded[random.Next(forwarded.Length)]),
                1 => ("X-Request-Id", random.Next(2) == 0 ? new string('r', 8_000) : "ü'\"<>;{}"),
                2 => ("Authorization", authorizations[random.Next(authorizations.Length)]),
                3 => ("User-Agent", new string('u', random.Next(0, 6_000))),
                4 => ("Accept", "application/xml;q=2, */*;q=-1"),
                _ => ($"X-Fuzz-{random.Next(1000)}", new string((char)random.Next(0x20, 0x7E), random.Next(1, 200))),
            };
        }
    }
}
