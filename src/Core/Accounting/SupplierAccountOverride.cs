namespace Backend.Core.Accounting;

/// <summary>
/// A tenant's own accounts for one supplier. Either may be null to keep the default
/// (the expense account from <see cref="ExpenseAccountTable"/>, the collective supplier account 401).
/// </summary>
/// <param name="SupplierAccount">The supplier's auxiliary account, e.g. <c>4010042</c>.</param>
public sealed record SupplierAccountOverride(string? ExpenseAccount, string? SupplierAccount);
