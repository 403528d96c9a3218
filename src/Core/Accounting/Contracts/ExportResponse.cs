namespace Backend.Core.Accounting.Contracts;

/// <summary>The answer of <c>POST /api/sage/export</c> (snake_case, as the seed).</summary>
public sealed record ExportResponse(bool Success, int Count, string SageUrl, string FecUrl, Guid BatchId, string From, string To,
    int Lines, IReadOnlyList<string> Skipped, IReadOnlyList<string> Warnings);
