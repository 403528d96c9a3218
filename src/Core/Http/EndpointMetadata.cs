using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Http;

/// <summary>The OpenAPI metadata every feature's routes share.</summary>
public static class EndpointMetadata
{
    /// <summary>Declares the error envelope (<see cref="ApiError"/>) for each listed status code.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiError>(status, "application/json");
        }
        return builder;
    }
}
