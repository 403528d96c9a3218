using Backend.Core.Accounts;
using Backend.Core.Accounts.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>
/// Account management (admin). Like the admin license API, Core checks the admin API key or an admin's access token;
/// the Functions level is Anonymous (README, "Authorization").
/// </summary>
public sealed class AccountAdminFunctions(
    CreateAccountHandler create,
    ListAccountsHandler list,
    AccountStatusHandler status,
    PasswordResetHandler passwordReset)
{
    [Function("CreateAccount")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.Accounts)] HttpRequest request) =>
        create.HandleAsync(request.HttpContext);

    [Function("ListAccounts")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AccountRoutes.Accounts)] HttpRequest request) =>
        list.HandleAsync(request.HttpContext);

    [Function("DisableAccount")]
    public Task<IResult> Disable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.Disable)] HttpRequest request, string accountId) =>
        status.HandleAsync(request.HttpContext, accountId, disable: true);

    [Function("EnableAccount")]
    public Task<IResult> Enable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.Enable)] HttpRequest request, string accountId) =>
        status.HandleAsync(request.HttpContext, accountId, disable: false);

    [Function("ResetAccountPassword")]
    public Task<IResult> ResetPassword([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.PasswordReset)] HttpRequest request, string accountId) =>
        passwordReset.HandleAsync(request.HttpContext, accountId);
}
