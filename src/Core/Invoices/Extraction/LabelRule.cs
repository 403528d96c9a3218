using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <param name="Pattern">Matched against accent-folded, lower-case text.</param>
/// <param name="Strength">How sure a value next to this label is the field (0–1).</param>
internal sealed record LabelRule(LabelKind Kind, Regex Pattern, double Strength);
