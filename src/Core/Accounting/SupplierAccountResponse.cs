namespace Backend.Core.Accounting;

/// <summary>The supplier's accounts as stored (camelCase, as the invoice API).</summary>
public sealed record SupplierAccountResponse(bool Success, string SupplierName, string? ExpenseAccount, string? SupplierAccount);
