using System.Text.Json.Nodes;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>The trigger binding of one function, as the Worker SDK wrote it into the app's functions.metadata.</summary>
public sealed record FunctionTrigger(App App, string FunctionName, JsonObject Binding)
{
    public string Type => Binding["type"]!.GetValue<string>();

    public string? Property(string name) => Binding[name]?.GetValue<string>();

    public IReadOnlyList<string> Methods =>
        Binding["methods"]?.AsArray().Select(method => method!.GetValue<string>().ToUpperInvariant()).ToList() ?? [];

    public override string ToString() => $"{App} app: {Type} of function {FunctionName}";
}
