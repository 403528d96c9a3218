using Backend.Core.Invoices;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary><c>POST /api/v1/admin/tenants</c> with the admin key.</summary>
public sealed class TenantAdminHttp(CreateTenantHandler handler)
{
    [Function("CreateTenant")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InvoiceRoutes.Tenants)] HttpRequest request) =>
        handler.HandleAsync(request.HttpContext);
}
