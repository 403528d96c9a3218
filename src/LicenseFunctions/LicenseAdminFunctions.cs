using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>
/// The admin license API. Core checks the admin API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) exactly as
/// in SelfHost; the Functions level is Anonymous like every HTTP function here (README, "Authorization").
/// </summary>
public sealed class LicenseAdminFunctions(
    RevokeHandler revoke,
    ActivationCodesHandler activationCodes,
    LicenseSearchHandler search,
    LicenseCsvExportHandler csvExport,
    LicenseStatsHandler stats,
    LicenseDetailHandler detail,
    ActivationCodeListHandler codeList)
{
    [Function("LicenseRevoke")]
    public Task<IResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = LicenseRoutes.Revoke)] HttpRequest request,
        string machineId) =>
        revoke.HandleAsync(request.HttpContext, machineId);

    [Function("LicenseActivationCodes")]
    public Task<IResult> CreateActivationCodes([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = LicenseRoutes.ActivationCodes)] HttpRequest request) =>
        activationCodes.HandleAsync(request.HttpContext);

    [Function("GetLicense")]
    public Task<IResult> Detail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LicenseRoutes.Revoke)] HttpRequest request,
        string machineId) =>
        detail.HandleAsync(request.HttpContext, machineId);

    [Function("ListActivationCodes")]
    public Task<IResult> ListActivationCodes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LicenseRoutes.ActivationCodes)] HttpRequest request) =>
        codeList.HandleAsync(request.HttpContext);

    [Function("LicenseSearch")]
    public Task<IResult> Search([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LicenseRoutes.Search)] HttpRequest request) =>
        search.HandleAsync(request.HttpContext);

    [Function("LicenseCsvExport")]
    public Task<IResult> CsvExport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LicenseRoutes.CsvExport)] HttpRequest request) =>
        csvExport.HandleAsync(request.HttpContext);

    [Function("LicenseStats")]
    public Task<IResult> Stats([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = LicenseRoutes.Stats)] HttpRequest request) =>
        stats.HandleAsync(request.HttpContext);
}
