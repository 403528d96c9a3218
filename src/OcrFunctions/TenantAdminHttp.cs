using Backend.Core.Invoices;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary><c>POST</c> and <c>GET /api/v1/admin/tenants</c> with an admin credential.</summary>
public sealed class TenantAdminHttp(CreateTenantHandler create, ListTenantsHandler list)
{
    [Function("CreateTenant")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InvoiceRoutes.Tenants)] HttpRequest request) =>
        create.HandleAsync(request.HttpContext);

    [Function("ListTenants")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InvoiceRoutes.Tenants)] HttpRequest request) =>
        list.HandleAsync(request.HttpContext);
}
