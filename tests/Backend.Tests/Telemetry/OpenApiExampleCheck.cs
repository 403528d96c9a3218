using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Backend.Tests.Telemetry;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI 3.1 document's components, for the keywords the generated
/// document uses (<c>$ref</c>, <c>oneOf</c>, <c>type</c> with its lists, <c>required</c>, <c>properties</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>pattern</c>). Stricter than JSON Schema on one point, on purpose: an
/// object schema that lists its properties admits no other, so an example cannot carry a misspelt or renamed member.
/// (JsonSchema.Net would do the standard part, but its root namespace <c>Json</c> hides this project's <c>Json</c>.)
/// </summary>
public static class OpenApiExampleCheck
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Every disagreement between <paramref name="instance"/> and the component <paramref name="schemaName"/>, with its JSON path.</summary>
    public static List<string> Errors(JsonObject schemas, string schemaName, JsonNode? instance) =>
        Errors(schemas, schemas[schemaName] ?? throw new ArgumentException($"no schema {schemaName}"), instance);

    /// <summary>The same against a schema written in place (an operation's), whose <c>$ref</c>s name components.</summary>
    public static List<string> Errors(JsonObject schemas, JsonNode schema, JsonNode? instance)
    {
        var errors = new List<string>();
        Check(schemas, schema, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonObject schemas, JsonNode schema, JsonNode? instance, string path, List<string> errors)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? reference[ComponentPrefix.Length..] : reference;
            Check(schemas, schemas[name] ?? throw new ArgumentException($"unresolved {reference}"), instance, path, errors);
        }
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matching = oneOf.Count(option => { var e = new List<string>(); Check(schemas, option!, instance, path, e); return e.Count == 0; });
            if (matching != 1)
            {
                errors.Add($"{path}: matches {matching} of the oneOf alternatives, not exactly one");
            }
        }
        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            var actual = TypeOf(instance);
            if (!allowed.Contains(actual) && !(actual == "integer" && allowed.Contains("number")))
            {
                errors.Add($"{path}: is {actual}, the schema allows {string.Join("|", allowed)}");
                return;
            }
        }
        if (schema["pattern"]?.GetValue<string>() is { } pattern && instance is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && !Regex.IsMatch(value.GetValue<string>(), pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: does not match {pattern}");
        }
        if (instance is JsonObject obj)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}: lacks the required property {required}");
                }
            }
            var properties = schema["properties"] as JsonObject;
            foreach (var (name, member) in obj)
            {
                if (properties?[name] is { } property)
                {
                    Check(schemas, property, member, $"{path}.{name}", errors);
                }
                else if (schema["additionalProperties"] is JsonObject additional)
                {
                    Check(schemas, additional, member, $"{path}.{name}", errors);
                }
                else if (properties is not null)
                {
                    errors.Add($"{path}: has {name}, which the schema does not declare");
                }
            }
        }
        if (instance is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(schemas, items, array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
            }
        }
    }

    private static string TypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };
}
