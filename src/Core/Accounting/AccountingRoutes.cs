namespace Backend.Core.Accounting;

/// <summary>Route templates without the <c>api/</c> prefix, shared by SelfHost and the function app's HTTP triggers.</summary>
public static class AccountingRoutes
{
    public const string SageExport = "sage/export";

    /// <summary>The tenant's earlier export batches.</summary>
    public const string Exports = "exports";

    /// <summary>Download of an export file; <c>{kind}</c> is <c>sage</c> or <c>fec</c>.</summary>
    public const string ExportDownload = "exports/{batchId}/{kind}";

    public const string SupplierAccounts = "accounting/supplier-accounts";
}
