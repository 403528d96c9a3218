namespace Backend.Tests.Configuration;

/// <summary>
/// A trigger attribute found in a function app's source: its kind (<c>BlobTrigger</c>, <c>ServiceBusTrigger</c>,
/// <c>HttpTrigger</c>), the function it belongs to, its first positional argument and its named arguments, as
/// source expressions.
/// </summary>
public sealed record FunctionTrigger(
    string File,
    string Kind,
    string? FunctionName,
    string? Target,
    IReadOnlyDictionary<string, string> Named)
{
    public string? NamedArgument(string name) => Named.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Path.GetFileName(File)}: [{Kind}] of function {FunctionName ?? "?"}";
}
