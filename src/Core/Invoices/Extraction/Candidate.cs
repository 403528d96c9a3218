namespace Backend.Core.Invoices.Extraction;

/// <summary>A possible value for a field and how much the evidence for it weighs (0–1).</summary>
internal sealed record Candidate<T>(T Value, double Score, string Source);
