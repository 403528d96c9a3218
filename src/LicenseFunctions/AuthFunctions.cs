using Backend.Core.Accounts;
using Backend.Core.Accounts.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>
/// Sign-in of people. Anonymous at the platform level: the browser console calls these without a function key, and
/// Core checks the password, the refresh token or the access token.
/// </summary>
public sealed class AuthFunctions(
    LoginHandler login,
    RefreshHandler refresh,
    LogoutHandler logout,
    PasswordSetupHandler passwordSetup,
    PasswordChangeHandler passwordChange)
{
    [Function("Login")]
    public Task<IResult> Login([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.Login)] HttpRequest request) =>
        login.HandleAsync(request.HttpContext);

    [Function("RefreshSession")]
    public Task<IResult> Refresh([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.Refresh)] HttpRequest request) =>
        refresh.HandleAsync(request.HttpContext);

    [Function("Logout")]
    public Task<IResult> Logout([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.Logout)] HttpRequest request) =>
        logout.HandleAsync(request.HttpContext);

    [Function("SetUpPassword")]
    public Task<IResult> SetUpPassword([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.PasswordSetup)] HttpRequest request) =>
        passwordSetup.HandleAsync(request.HttpContext);

    [Function("ChangePassword")]
    public Task<IResult> ChangePassword([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountRoutes.PasswordChange)] HttpRequest request) =>
        passwordChange.HandleAsync(request.HttpContext);
}
