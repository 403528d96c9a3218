using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Http;

public static class ApiErrorMetadata
{
    /// <summary>Declares the <see cref="ApiError"/> envelope for each status code, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiError>(status, "application/json");
        }
        return builder;
    }
}
