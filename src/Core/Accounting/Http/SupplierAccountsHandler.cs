using System.Text.Json;
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

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var (document, problem, tooLarge) = await JsonBody.ReadObjectAsync(context.Request, MaxBodyBytes);
        if (tooLarge)
        {
            return ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Corps de requête trop volumineux.");
        }
        if (document is null)
        {
            return Invalid(context, problem!.Value.Key, problem.Value.Value);
        }
        var length = options.Value.AccountNumberLength;
        string? supplierName = null, expense = null, supplier = null;
        using (document)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!.Trim(),
                    JsonValueKind.Null => null,
                    _ => "\0",
                };
                if (value == "\0")
                {
                    return Invalid(context, property.Name, "chaîne ou null attendu");
                }
                switch (property.Name)
                {
                    case "supplierName":
                        supplierName = value;
                        break;
                    case "expenseAccount":
                        if (value is not null && (AccountNumber.Normalize(value, length) is not { } e || e[0] is not ('6' or '2')))
                        {
                            return Invalid(context, property.Name, $"compte de classe 6 ou 2 d'au plus {length} chiffres attendu");
                        }
                        expense = value;
                        break;
                    case "supplierAccount":
                        if (value is not null && (AccountNumber.Normalize(value, length) is not { } s || !s.StartsWith("40", StringComparison.Ordinal)))
                        {
                            return Invalid(context, property.Name, $"compte fournisseur 40x d'au plus {length} chiffres attendu");
                        }
                        supplier = value;
                        break;
                    default:
                        return Invalid(context, property.Name, "champ inconnu ; champs attendus : supplierName, expenseAccount, supplierAccount");
                }
            }
        }
        if (string.IsNullOrEmpty(supplierName) || supplierName.Length > 500 || SupplierAccountStore.KeyOf(supplierName).Length == 0)
        {
            return Invalid(context, "supplierName", "nom du fournisseur requis (1 à 500 caractères)");
        }
        var accounts = new SupplierAccountOverride(expense, supplier);
        await store.SaveAsync(tenantId.Value, supplierName, accounts, context.RequestAborted);
        return Results.Json(new { success = true, supplierName, expenseAccount = expense, supplierAccount = supplier }, JsonDefaults.CamelCase);
    }

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.",
            new Dictionary<string, string> { [field] = problem });
}
