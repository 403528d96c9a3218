using System.Text.RegularExpressions;

namespace Backend.Tests.Configuration;

/// <summary>
/// Finds trigger attributes in C# source text. The function projects cannot be compiled here (their packages
/// do not restore), so their attributes are read as text: enough to check names against Core and Bicep.
/// </summary>
public static partial class TriggerScanner
{
    public static IReadOnlyList<FunctionTrigger> ScanDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(file => file, StringComparer.Ordinal)
            .SelectMany(file => Scan(file, File.ReadAllText(file)))
            .ToList();

    public static IReadOnlyList<FunctionTrigger> Scan(string file, string source)
    {
        var functions = FunctionAttribute().Matches(source).ToList();
        var triggers = new List<FunctionTrigger>();
        foreach (Match match in TriggerAttribute().Matches(source))
        {
            var arguments = SplitArguments(match.Groups["args"].Value);
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            string? target = null;
            foreach (var argument in arguments)
            {
                var assignment = NamedArgument().Match(argument);
                if (assignment.Success)
                {
                    named[assignment.Groups["name"].Value] = assignment.Groups["value"].Value.Trim();
                }
                else
                {
                    target ??= argument;
                }
            }
            var function = functions.LastOrDefault(f => f.Index < match.Index);
            triggers.Add(new FunctionTrigger(file, match.Groups["kind"].Value, function is null ? null : FunctionName(function.Groups["name"].Value), target, named));
        }
        return triggers;
    }

    private static string FunctionName(string expression)
    {
        expression = expression.Trim();
        var nameOf = NameOf().Match(expression);
        return nameOf.Success ? nameOf.Groups["name"].Value : expression.Trim('"');
    }

    /// <summary>Splits on commas outside strings, parentheses and braces.</summary>
    private static List<string> SplitArguments(string text)
    {
        var arguments = new List<string>();
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
            else if (c is '(' or '{' or '[')
            {
                depth++;
            }
            else if (c is ')' or '}' or ']')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        if (text[start..].Trim() is { Length: > 0 } last)
        {
            arguments.Add(last);
        }
        return arguments;
    }

    [GeneratedRegex(@"\[\s*(?<kind>BlobTrigger|ServiceBusTrigger|HttpTrigger|TimerTrigger|QueueTrigger|EventGridTrigger)\s*\((?<args>(?:[^()""]|""(?:[^""\\]|\\.)*""|\((?:[^()]|\([^()]*\))*\))*)\)\s*\]")]
    private static partial Regex TriggerAttribute();

    [GeneratedRegex(@"\[\s*Function\s*\(\s*(?<name>[^)\]]*\)?)\s*\)\s*\]")]
    private static partial Regex FunctionAttribute();

    [GeneratedRegex(@"^\s*(?<name>[A-Z][A-Za-z]*)\s*=(?!=)\s*(?<value>.+)$", RegexOptions.Singleline)]
    private static partial Regex NamedArgument();

    [GeneratedRegex(@"^nameof\s*\(\s*(?:[A-Za-z_][A-Za-z0-9_]*\.)*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\)$")]
    private static partial Regex NameOf();
}
