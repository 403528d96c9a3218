namespace Backend.Core.Invoices;

/// <summary>
/// A named move between invoice states. Repositories apply it as
/// <c>UPDATE ... WHERE status = ANY(@From)</c>, so the database refuses what the state machine refuses,
/// atomically, even under concurrent deliveries.
/// </summary>
public sealed record InvoiceTransition(string Name, IReadOnlyList<string> From, string To)
{
    public bool AllowsFrom(string status) => From.Contains(status, StringComparer.Ordinal);

    /// <summary>The <c>From</c> states as an array, the shape Npgsql sends for <c>= ANY(@From)</c>.</summary>
    public string[] FromArray => [.. From];
}
