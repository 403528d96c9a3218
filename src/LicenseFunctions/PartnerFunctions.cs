using Backend.Core.Partners;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>Resellers: created by admins (admin key or token), then their own API (partner key, checked in Core).</summary>
public sealed class PartnerFunctions(
    CreatePartnerHandler create,
    ListPartnersHandler list,
    DisablePartnerHandler disable,
    PartnerCreateCodesHandler createCodes,
    PartnerListCodesHandler listCodes)
{
    [Function("PartnerCreate")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PartnerRoutes.Partners)] HttpRequest request) =>
        create.HandleAsync(request.HttpContext);

    [Function("PartnerList")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PartnerRoutes.Partners)] HttpRequest request) =>
        list.HandleAsync(request.HttpContext);

    [Function("PartnerDisable")]
    public Task<IResult> Disable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PartnerRoutes.DisablePartner)] HttpRequest request, string name) =>
        disable.HandleAsync(request.HttpContext, name);

    [Function("PartnerCreateActivationCodes")]
    public Task<IResult> CreateCodes([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PartnerRoutes.ActivationCodes)] HttpRequest request) =>
        createCodes.HandleAsync(request.HttpContext);

    [Function("PartnerListActivationCodes")]
    public Task<IResult> ListCodes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PartnerRoutes.ActivationCodes)] HttpRequest request) =>
        listCodes.HandleAsync(request.HttpContext);
}
