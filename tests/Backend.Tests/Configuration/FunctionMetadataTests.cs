using Backend.Core.Accounting;
using Backend.Core.Accounts;
using Backend.Core.Health;
using Backend.Core.Http;
using Backend.Core.Invoices;
using Backend.Core.Licensing;
using Backend.Core.Notifications;
using Backend.Core.Partners;
using Backend.Core.Products;
using Backend.Core.Updates;
using Backend.Core.Webhooks;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>The generated functions.metadata of each app against Core: routes, methods, names, triggers.</summary>
public sealed class FunctionMetadataTests
{
    /// <summary>Which app serves the routes of each Core route class.</summary>
    private static readonly (Type Routes, App[] Apps)[] RouteOwners =
    [
        (typeof(LicenseRoutes), [App.License]),
        (typeof(AccountRoutes), [App.License]),
        (typeof(ProductRoutes), [App.License]),
        (typeof(PartnerRoutes), [App.License]),
        (typeof(UpdateRoutes), [App.License]),
        (typeof(InvoiceRoutes), [App.Ocr]),
        (typeof(AccountingRoutes), [App.Ocr]),
        (typeof(HealthRoutes), [App.License, App.Ocr]),
        (typeof(WebhookRoutes), [App.License]),
        (typeof(EmailRoutes), [App.License]),
        (typeof(TenantWebhookRoutes), [App.Ocr]),
        (typeof(ApiDocumentRoutes), [App.License, App.Ocr]),
    ];

    [Fact]
    public void Every_route_class_of_Core_is_owned_by_an_app()
    {
        var routeClasses = typeof(HealthRoutes).Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("Routes", StringComparison.Ordinal) && type.IsAbstract && type.IsSealed);

        Assert.Equal(routeClasses.Select(t => t.FullName).Order(), RouteOwners.Select(o => o.Routes.FullName).Order());
    }

    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public void Each_app_serves_exactly_the_Core_routes_it_owns(App app)
    {
        var expected = RouteOwners.Where(o => o.Apps.Contains(app)).SelectMany(o => StringConstants.Of(o.Routes)).Order(StringComparer.Ordinal).ToList();

        var served = FunctionMetadata.Triggers(app).Where(t => t.Type == "httpTrigger").Select(t => t.Property("route")!).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, served);
    }

    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public void No_route_and_method_is_served_twice_and_function_names_are_unique(App app)
    {
        var triggers = FunctionMetadata.Triggers(app);
        var pairs = triggers.Where(t => t.Type == "httpTrigger").SelectMany(t => t.Methods.Select(m => $"{m} {t.Property("route")}")).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(triggers.Count, triggers.Select(t => t.FunctionName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(triggers.Where(t => t.Type == "httpTrigger"), t => Assert.Single(t.Methods));
    }

    [Fact]
    public void The_apps_have_the_expected_triggers()
    {
        var ocr = FunctionMetadata.Triggers(App.Ocr);
        var license = FunctionMetadata.Triggers(App.License);

        // The license app's timers: webhook delivery, e-mail sending, the expiry scan (Timer extension only, no Service Bus or blobs).
        Assert.Equal(["httpTrigger", "timerTrigger"], license.Select(t => t.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["blobTrigger", "httpTrigger", "serviceBusTrigger", "timerTrigger"], ocr.Select(t => t.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("inbox/{name}", ocr.Single(t => t.Type == "blobTrigger").Property("path"));
        Assert.Equal(["ai-analysis", "ocr-jobs"], ocr.Where(t => t.Type == "serviceBusTrigger").Select(t => t.Property("queueName")).Order(StringComparer.Ordinal));
    }
}
