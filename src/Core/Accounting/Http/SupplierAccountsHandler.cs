using Backend.Core.Http;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting.Http;

/// <summary>
/// <c>PUT /api/accounting/supplier-accounts</c> <c>{"supplierName", "expenseAccount", "supplierAccount"}</c>: the tenant's
/// own accounts for a supplier, used by the next analyses (either account may be null to keep the default).
/// </summary>
public sealed class SupplierAccountsHandler(TenantAuthenticator authenticator, SupplierAccountStore store, IOptions<AccountingSettings> options)
{
    private const int MaxBodyBytes = 4096;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "supplierName", "expenseAccount", "supplierAccount" };

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var body = await JsonObjectBody.ReadAsync(context, MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var length = options.Value.AccountNumberLength;
        var supplierName = fields.String("supplierName", 500, required: true)?.Trim();
        // 13 characters: the longest account the chart allows (and the supplier_accounts CHECKs accept), trailing zeros included.
        var expense = fields.String("expenseAccount", 13, required: false)?.Trim();
        var supplier = fields.String("supplierAccount", 13, required: false)?.Trim();
        if (supplierName is not null && SupplierAccountStore.KeyOf(supplierName).Length == 0)
        {
            fields.AddError("supplierName", "nom du fournisseur requis (1 à 500 caractères)");
        }
        if (expense is not null && (AccountNumber.Normalize(expense, length) is not { } e || e[0] is not ('6' or '2')))
        {
            fields.AddError("expenseAccount", $"compte de classe 6 ou 2 d'au plus {length} chiffres attendu");
        }
        if (supplier is not null && (AccountNumber.Normalize(supplier, length) is not { } s || !s.StartsWith("40", StringComparison.Ordinal)))
        {
            fields.AddError("supplierAccount", $"compte fournisseur 40x d'au plus {length} chiffres attendu");
        }
        if (fields.HasErrors)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
        }
        var accounts = new SupplierAccountOverride(expense, supplier);
        await store.SaveAsync(tenantId.Value, supplierName!, accounts, context.RequestAborted);
        return Results.Json(new SupplierAccountResponse(true, supplierName!, expense, supplier), JsonDefaults.CamelCase);
    }
}
