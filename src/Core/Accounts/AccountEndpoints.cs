using Backend.Core.Accounts.Http;
using Backend.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Accounts;

public static class AccountEndpoints
{
    /// <summary>Maps sign-in and account management on <paramref name="api"/> (the <c>/api</c> group), with their OpenAPI metadata.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("").WithTags("Sign-in");
        auth.MapPost(AccountRoutes.Login, (LoginHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("Login").WithSummary("Connexion par e-mail et mot de passe : jeton d'accès (1 h) et jeton de rafraîchissement (7 jours)")
            .Accepts<LoginRequest>("application/json")
            .Produces<TokenResponse>()
            .ProducesApiErrors(400, 401, 413, 415, 429);
        auth.MapPost(AccountRoutes.Refresh, (RefreshHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("RefreshSession").WithSummary("Nouvelle paire de jetons ; un jeton de rafraîchissement ne sert qu'une fois (corps ou cookie ef_refresh)")
            .Accepts<RefreshRequest>(isOptional: true, "application/json")
            .Produces<TokenResponse>()
            .ProducesApiErrors(400, 401, 413, 415);
        auth.MapPost(AccountRoutes.Logout, (LogoutHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("Logout").WithSummary("Révoque la session du jeton de rafraîchissement (corps ou cookie)")
            .Accepts<RefreshRequest>(isOptional: true, "application/json")
            .Produces<SuccessResponse>()
            .ProducesApiErrors(400, 413, 415);
        auth.MapPost(AccountRoutes.PasswordSetup, (PasswordSetupHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("SetUpPassword").WithSummary("Définit le mot de passe avec un jeton de création à usage unique (24 h)")
            .Accepts<PasswordSetupRequest>("application/json")
            .Produces<SuccessResponse>()
            .ProducesApiErrors(400, 413, 415);
        auth.MapPost(AccountRoutes.PasswordChange, (PasswordChangeHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ChangePassword").WithSummary("Change son propre mot de passe et ferme ses autres sessions")
            .Accepts<PasswordChangeRequest>("application/json")
            .Produces<SuccessResponse>()
            .ProducesApiErrors(400, 401, 413, 415, 429);

        var admin = api.MapGroup("").WithTags("Accounts (admin)");
        admin.MapPost(AccountRoutes.Accounts, (CreateAccountHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("CreateAccount").WithSummary("Crée un compte administrateur ou utilisateur d'un locataire")
            .Accepts<CreateAccountRequest>("application/json")
            .Produces<AccountResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(400, 401, 409, 413, 415);
        admin.MapGet(AccountRoutes.Accounts, (ListAccountsHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListAccounts").WithSummary("Liste des comptes : ?role=&tenant_id=&email=&page=&page_size=")
            .Produces<AccountListResponse>()
            .ProducesApiErrors(400, 401);
        admin.MapPost(AccountRoutes.Disable, (AccountStatusHandler handler, HttpContext context, string accountId) => handler.HandleAsync(context, accountId, disable: true))
            .WithName("DisableAccount").WithSummary("Désactive un compte et ferme toutes ses sessions")
            .Produces<AccountResponse>()
            .ProducesApiErrors(400, 401, 404);
        admin.MapPost(AccountRoutes.Enable, (AccountStatusHandler handler, HttpContext context, string accountId) => handler.HandleAsync(context, accountId, disable: false))
            .WithName("EnableAccount").WithSummary("Réactive un compte")
            .Produces<AccountResponse>()
            .ProducesApiErrors(401, 404);
        admin.MapPost(AccountRoutes.PasswordReset, (PasswordResetHandler handler, HttpContext context, string accountId) => handler.HandleAsync(context, accountId))
            .WithName("ResetAccountPassword").WithSummary("Efface le mot de passe, ferme les sessions et renvoie un jeton de création (24 h)")
            .Produces<AccountResponse>()
            .ProducesApiErrors(401, 404);
        return api;
    }
}
