using Backend.Core.Http;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary><c>GET admin/licenses?email=&amp;machine_id=&amp;type=&amp;status=&amp;expires_after=&amp;expires_before=&amp;page=&amp;page_size=</c>: newest first, paged.</summary>
public sealed class LicenseSearchHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = LicenseFilter.NewErrors();
        var filter = LicenseFilter.Parse(context.Request, errors);
        if (errors.HasErrors)
        {
            return LicenseResults.BadRequest(context, errors);
        }
        var parameters = filter.SqlParameters(time.GetUtcNow());
        parameters.Add("limit", filter.PageSize);
        parameters.Add("offset", (long)(filter.Page - 1) * filter.PageSize);
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM licenses WHERE {LicenseFilter.WhereSql}", parameters, cancellationToken: context.RequestAborted));
        var licenses = (await connection.QueryAsync<LicenseSummary>(new CommandDefinition(
            $"{LicenseFilter.SelectSql} WHERE {LicenseFilter.WhereSql} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset",
            parameters, cancellationToken: context.RequestAborted))).ToList();
        return LicenseResults.Ok(new LicenseSearchResponse(filter.Page, filter.PageSize, total, licenses));
    }
}
