using System.Net;
using System.Text;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Foundation;

/// <summary>
/// Walks every route SelfHost maps (from its <see cref="EndpointDataSource"/>, so a new route is covered the day it is
/// mapped) and provokes its error answers: no or a wrong credential (401), another method (405), a body that is not
/// JSON (415) or not valid (400), an unknown id (404). Each one must be the one envelope: success, error, message,
/// details (an object), timestamp (UTC, milliseconds, Z) and request_id (the X-Request-Id header).
/// </summary>
public sealed class EveryRouteErrorTests : IAsyncLifetime
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private readonly TestDatabase _database = new();
    private InvoiceTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource, s =>
        {
            foreach (var bucket in new[] { "Trial", "Activate", "Validate", "Heartbeat" })
            {
                s[$"Licensing:RateLimits:{bucket}:Limit"] = "100000";
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_error_answer_of_every_route_is_the_one_envelope()
    {
        var (_, tenantKey) = await _host.CreateTenantAsync();
        var routes = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Methods.Count > 0)
            .ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found");
        var methodsByPath = routes.GroupBy(r => r.Pattern).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Methods).ToHashSet());
        var statuses = new Dictionary<int, int>();
        var problems = new List<string>();

        async Task Check(string what, HttpRequestMessage request)
        {
            using (request)
            using (var response = await _host.Client.SendAsync(request))
            {
                var status = (int)response.StatusCode;
                if (status < 400)
                {
                    return;
                }
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var problem = EnvelopeProblem(response, await response.Content.ReadAsStringAsync());
                if (problem is not null)
                {
                    problems.Add($"{what} {request.Method} {request.RequestUri} → {status}: {problem}");
                }
            }
        }

        foreach (var (pattern, methods) in routes)
        {
            var path = Fill(pattern);
            foreach (var method in methods)
            {
                // No credential, then a wrong one: 401 for every protected route.
                await Check("anonymous", new HttpRequestMessage(new HttpMethod(method), path));
                await Check("wrong key", WithKey(new HttpRequestMessage(new HttpMethod(method), path), "0123456789abcdef0123456789abcdef01234567"));
                if (method is "GET" or "DELETE")
                {
                    continue;
                }
                // With each real credential (admin, tenant): a body that is not JSON, then JSON that is not valid.
                foreach (var key in new[] { _host.Factory.AdminApiKey, tenantKey })
                {
                    await Check("text body", WithKey(new HttpRequestMessage(new HttpMethod(method), path)
                        { Content = new StringContent("pas du json", Encoding.UTF8, "text/plain") }, key));
                    await Check("broken json", WithKey(new HttpRequestMessage(new HttpMethod(method), path)
                        { Content = new StringContent("{\"from\":", Encoding.UTF8, "application/json") }, key));
                    await Check("unknown member", WithKey(new HttpRequestMessage(new HttpMethod(method), path)
                        { Content = new StringContent("{\"inconnu\":1}", Encoding.UTF8, "application/json") }, key));
                }
            }
            // Every method the path does not serve.
            foreach (var method in AllMethods.Except(methodsByPath[pattern]))
            {
                await Check("other method", WithKey(new HttpRequestMessage(new HttpMethod(method), path), tenantKey));
            }
        }
        await Check("unknown route", new HttpRequestMessage(HttpMethod.Get, "/api/nulle-part"));
        await Check("seed route served by a queue job", WithKey(new HttpRequestMessage(HttpMethod.Post, "/api/ocr/process"), tenantKey));
        await Check("unknown invoice", WithKey(new HttpRequestMessage(HttpMethod.Get, $"/api/invoices/{Guid.NewGuid()}"), tenantKey));
        await Check("unknown invoice file", WithKey(new HttpRequestMessage(HttpMethod.Get, $"/api/invoices/{Guid.NewGuid()}/file"), tenantKey));

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        foreach (var expected in new[] { 400, 401, 404, 405, 415 })
        {
            Assert.True(statuses.ContainsKey(expected), $"no {expected} provoked; seen: {string.Join(", ", statuses.Keys.Order())}");
        }
    }

    private static string? EnvelopeProblem(HttpResponseMessage response, string text)
    {
        if (Reliability.ErrorEnvelope.Problem(response.StatusCode, text) is { } problem)
        {
            return problem;
        }
        var json = JsonDocument.Parse(text).RootElement;
        if (!json.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Object)
        {
            return "details is not an object: " + text;
        }
        if (!TimeFormats.Milliseconds.IsMatch(json.GetProperty("timestamp").GetString() ?? ""))
        {
            return "timestamp is not UTC milliseconds with Z: " + text;
        }
        if (!response.Headers.TryGetValues("X-Request-Id", out var ids) || ids.Single() != json.GetProperty("request_id").GetString())
        {
            return "request_id differs from the X-Request-Id header";
        }
        return null;
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    /// <summary>A plausible value for each route parameter, so the request reaches the handler.</summary>
    private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value switch
    {
        "machineId" => "0123456789abcdef0123456789abcdef",
        "kind" => "sage",
        _ => Guid.NewGuid().ToString(),
    });
}
