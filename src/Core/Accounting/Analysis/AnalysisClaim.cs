namespace Backend.Core.Accounting.Analysis;

/// <summary>An invoice an analysis job has moved to AI_PROCESSING.</summary>
/// <param name="Attempt">1 for the first attempt since OCR completed, up to <see cref="Invoices.OcrRetryPolicy.MaxAttempts"/>.</param>
/// <param name="Token">The token of the job holding the claim (null for the job sent by OCR).</param>
public sealed record AnalysisClaim(Guid InvoiceId, Guid TenantId, int Attempt, Guid? Token);
