using Backend.Core.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Backend.SelfHost.WebApp;

/// <summary>
/// Serves the web app's build: its hashed assets at <c>/assets/</c> (cached for a year), and index.html for every
/// path under <c>/admin/</c> and <c>/app/</c> so that a deep link (<c>/admin/licenses/abc</c>) reloads into the
/// right page. Only those prefixes are taken: <c>/api</c> and unknown paths keep their JSON answers.
/// </summary>
public static class WebAppHosting
{
    public static IReadOnlyList<string> Areas { get; } = ["admin", "app"];

    /// <summary>Self-contained pages: scripts and styles of the build only, no framing, no other origin.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IServiceCollection AddWebApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WebAppSettings>(configuration);
        return services;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<WebAppSettings>>().Value;
        if (string.IsNullOrWhiteSpace(settings.RootPath))
        {
            app.Logger.LogInformation("WebApp__RootPath is empty: the web app is not served, only the API.");
            return app;
        }
        var root = Path.GetFullPath(settings.RootPath);
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        var index = Path.Combine(root, "index.html");
        app.MapGet("/", () => Results.Redirect("/admin/")).ExcludeFromDescription();
        foreach (var area in Areas)
        {
            app.MapGet($"/{area}", (HttpContext context) => Index(context, index)).ExcludeFromDescription();
            app.MapGet($"/{area}/{{**path}}", (HttpContext context) => Index(context, index)).ExcludeFromDescription();
        }
        return app;
    }

    private static IResult Index(HttpContext context, string index)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "same-origin";
        return Results.File(index, "text/html; charset=utf-8");
    }
}
