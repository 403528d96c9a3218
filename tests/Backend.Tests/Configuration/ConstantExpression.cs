using System.Reflection;
using System.Text.RegularExpressions;
using Backend.Core.Configuration;

namespace Backend.Tests.Configuration;

/// <summary>
/// Evaluates the constant string expressions attribute arguments are made of: string literals,
/// <c>Type.Constant</c> references to Core's constants, <c>+</c> concatenations and constant interpolated strings.
/// </summary>
public static partial class ConstantExpression
{
    private static readonly IReadOnlyDictionary<string, Type> CoreTypes = typeof(ISettings).Assembly.GetTypes()
        .Where(type => type.IsPublic)
        .GroupBy(type => type.Name, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    /// <summary>The value, or null when the expression is not a constant this evaluator understands.</summary>
    public static string? Evaluate(string? expression)
    {
        if (expression is null)
        {
            return null;
        }
        var parts = SplitConcatenation(expression.Trim());
        var values = parts.Select(EvaluateTerm).ToList();
        return values.Any(v => v is null) ? null : string.Concat(values);
    }

    private static string? EvaluateTerm(string term)
    {
        term = term.Trim();
        if (term.StartsWith("$\"", StringComparison.Ordinal) && term.EndsWith('"'))
        {
            string? failed = null;
            var body = term[2..^1].Replace("{{", "\u0001", StringComparison.Ordinal).Replace("}}", "\u0002", StringComparison.Ordinal);
            var value = Hole().Replace(body, hole => Constant(hole.Groups["expr"].Value) ?? (failed = hole.Value));
            return failed is null ? value.Replace('\u0001', '{').Replace('\u0002', '}') : null;
        }
        if (term.StartsWith('"') && term.EndsWith('"') && term.Length >= 2)
        {
            return Regex.Unescape(term[1..^1]);
        }
        return Constant(term);
    }

    private static string? Constant(string reference)
    {
        var match = MemberReference().Match(reference.Trim());
        if (!match.Success || !CoreTypes.TryGetValue(match.Groups["type"].Value, out var type))
        {
            return null;
        }
        var field = type.GetField(match.Groups["member"].Value, BindingFlags.Public | BindingFlags.Static);
        return field is { IsLiteral: true } ? field.GetRawConstantValue() as string : null;
    }

    private static List<string> SplitConcatenation(string expression)
    {
        var parts = new List<string>();
        var inString = false;
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '+')
            {
                parts.Add(expression[start..i]);
                start = i + 1;
            }
        }
        parts.Add(expression[start..]);
        return parts;
    }

    [GeneratedRegex(@"\{(?<expr>[^{}]+)\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_]*\.)*(?<type>[A-Za-z_][A-Za-z0-9_]*)\.(?<member>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex MemberReference();
}
