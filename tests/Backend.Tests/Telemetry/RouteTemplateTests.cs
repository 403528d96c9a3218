using Backend.Core.Http;
using Backend.Core.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Backend.Tests.Telemetry;

/// <summary>The tag of <c>easyfacture.rate_limit.refusals</c>: a route template, whatever path the client sent.</summary>
public sealed class RouteTemplateTests
{
    [Fact]
    public void A_function_app_request_is_named_by_its_trigger_route_under_the_api_prefix()
    {
        // How the Functions worker's ASP.NET Core integration builds the endpoint of an HTTP function: the pattern is
        // "{routePrefix}/{route}" with no leading slash, the function name as display name.
        var context = new DefaultHttpContext();
        context.Request.Path = "/API/v1/Licenses/Trial";
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("api/" + LicenseRoutes.Trial), 0, EndpointMetadataCollection.Empty, "LicenseTrial"));

        Assert.Equal("/api/v1/licenses/trial", RouteTemplate.Of(context));
    }

    [Fact]
    public void A_route_with_parameters_is_named_by_its_template_not_its_values()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/v1/admin/licenses/0123456789abcdef0123456789abcdef";
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/v1/admin/licenses/{machineId}"), 0, EndpointMetadataCollection.Empty, null));

        Assert.Equal("/api/v1/admin/licenses/{machineId}", RouteTemplate.Of(context));
    }

    [Fact]
    public void A_request_that_matched_no_route_has_one_fixed_tag()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/anything/" + Guid.NewGuid();

        Assert.Equal(RouteTemplate.Unmatched, RouteTemplate.Of(context));
    }
}
