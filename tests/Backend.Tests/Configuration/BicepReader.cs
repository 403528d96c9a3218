using System.Text;
using System.Text.RegularExpressions;

namespace Backend.Tests.Configuration;

/// <summary>
/// Reads the few facts the tests need from Bicep source without a Bicep compiler: the top-level keys of an object
/// variable, and the value of a string or string-array variable. Comments and the contents of strings (including
/// <c>${...}</c> interpolations) are blanked first, so braces inside them do not count.
/// </summary>
public static partial class BicepReader
{
    /// <summary>Top-level property names of <c>var {variable} = { ... }</c>.</summary>
    public static IReadOnlyList<string> ObjectKeys(string bicep, string variable)
    {
        var (code, start) = Declaration(bicep, variable);
        var open = code.IndexOf('{', start);
        if (open < 0 || code[start..open].Trim() != "")
        {
            throw new FormatException($"var {variable} is not an object literal.");
        }
        var keys = new List<string>();
        var depth = 0;
        var lineStart = open + 1;
        var lineHasKey = false;
        for (var i = open; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth--;
                if (depth == 0)
                {
                    return keys;
                }
            }
            else if (c == '\n')
            {
                lineStart = i + 1;
                lineHasKey = false;
            }
            else if (c == ':' && depth == 1 && !lineHasKey)
            {
                var name = bicep[lineStart..i].Trim().Trim('\'');
                if (!PropertyName().IsMatch(name))
                {
                    throw new FormatException($"var {variable}: '{name}' is not a property name.");
                }
                keys.Add(name);
                lineHasKey = true;
            }
        }
        throw new FormatException($"var {variable} is not closed.");
    }

    /// <summary>The value of <c>var {variable} = 'text'</c>.</summary>
    public static string StringValue(string bicep, string variable) =>
        LeadingStringLiteral().Match(bicep[Declaration(bicep, variable).ValueStart..]) is { Success: true } match
            ? match.Groups["value"].Value
            : throw new FormatException($"var {variable} is not a string literal.");

    /// <summary>The items of <c>var {variable} = [ 'a' 'b' ]</c> (one string literal per line).</summary>
    public static IReadOnlyList<string> StringArray(string bicep, string variable)
    {
        var (code, start) = Declaration(bicep, variable);
        var open = code.IndexOf('[', start);
        var close = code.IndexOf(']', open);
        if (open < 0 || close < 0 || code[start..open].Trim() != "")
        {
            throw new FormatException($"var {variable} is not an array literal.");
        }
        return StringLiteral().Matches(bicep[open..close]).Select(m => m.Groups["value"].Value).ToList();
    }

    /// <summary>The default value of <c>param {name} type = 'text'</c>.</summary>
    public static string ParameterDefault(string bicep, string name)
    {
        var match = Regex.Match(Blank(bicep), $@"^param\s+{Regex.Escape(name)}\s+string\s*=", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"param {name} string = ... not found.");
        }
        return LeadingStringLiteral().Match(bicep[(match.Index + match.Length)..]) is { Success: true } literal
            ? literal.Groups["value"].Value
            : throw new FormatException($"param {name} has no string default.");
    }

    private static (string Code, int ValueStart) Declaration(string bicep, string variable)
    {
        var code = Blank(bicep);
        var match = Regex.Match(code, $@"^var\s+{Regex.Escape(variable)}\s*=", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"var {variable} not found.");
        }
        return (code, match.Index + match.Length);
    }

    /// <summary>Same length as the source; comments and string contents replaced by spaces (quotes kept).</summary>
    internal static string Blank(string bicep)
    {
        var result = new StringBuilder(bicep);
        var i = 0;
        while (i < bicep.Length)
        {
            if (bicep[i] == '/' && i + 1 < bicep.Length && bicep[i + 1] == '/')
            {
                while (i < bicep.Length && bicep[i] != '\n')
                {
                    result[i++] = ' ';
                }
            }
            else if (bicep[i] == '/' && i + 1 < bicep.Length && bicep[i + 1] == '*')
            {
                var end = bicep.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? bicep.Length : end + 2;
                for (; i < end; i++)
                {
                    if (bicep[i] != '\n')
                    {
                        result[i] = ' ';
                    }
                }
            }
            else if (bicep[i] == '\'')
            {
                i = SkipString(bicep, i, result);
            }
            else
            {
                i++;
            }
        }
        return result.ToString();
    }

    /// <summary>Blanks the string starting at the quote at <paramref name="start"/>; returns the index after it.</summary>
    private static int SkipString(string bicep, int start, StringBuilder result)
    {
        var i = start + 1;
        while (i < bicep.Length)
        {
            var c = bicep[i];
            if (c == '\\')
            {
                result[i] = ' ';
                if (i + 1 < bicep.Length)
                {
                    result[i + 1] = ' ';
                }
                i += 2;
            }
            else if (c == '\'')
            {
                return i + 1;
            }
            else if (c == '$' && i + 1 < bicep.Length && bicep[i + 1] == '{')
            {
                // An interpolation: blank up to its matching brace, skipping nested strings.
                var depth = 0;
                while (i < bicep.Length)
                {
                    if (bicep[i] == '\'')
                    {
                        i = SkipString(bicep, i, result);
                        continue;
                    }
                    if (bicep[i] == '{')
                    {
                        depth++;
                    }
                    else if (bicep[i] == '}' && --depth == 0)
                    {
                        result[i++] = ' ';
                        break;
                    }
                    result[i++] = ' ';
                }
            }
            else
            {
                result[i++] = ' ';
            }
        }
        throw new FormatException("Unterminated Bicep string.");
    }

    [GeneratedRegex(@"'(?<value>(?:[^'\\$]|\\.)*)'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^[ \t]*'(?<value>(?:[^'\\$]|\\.)*)'")]
    private static partial Regex LeadingStringLiteral();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PropertyName();
}
