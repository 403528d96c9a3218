using System.Text.Json.Nodes;
using Backend.SelfHost.Http;
using Backend.Tests.Configuration;
using Backend.Tests.FunctionApps;
using Backend.Tests.Licensing;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Telemetry;

/// <summary>
/// The OpenAPI document's schemas carry the seeds' examples (<see cref="ApiExamples"/>), and every example is valid
/// against the schema it illustrates (<see cref="OpenApiExampleCheck"/>: required properties, types, nested schemas,
/// and no undeclared property), so an example cannot drift from the type it shows.
/// </summary>
public sealed class ApiDocsExamplesTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await host.Client.GetStringAsync("/api/openapi.json"))!.AsObject();

    private static JsonObject Schemas(JsonObject document) => document["components"]!["schemas"]!.AsObject();

    [Fact]
    public async Task The_license_schemas_carry_the_seed_s_examples()
    {
        var schemas = Schemas(await DocumentAsync());

        var trial = schemas["TrialRequest"]!["examples"]!.AsArray().Single()!;
        Assert.Equal("client@exemple.com", trial["email"]!.GetValue<string>());
        Assert.Equal("easyfacture", trial["product"]!.GetValue<string>());
        Assert.Equal("1.6.0", trial["version"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", trial["machine_id"]!.GetValue<string>());

        var validation = schemas["ValidationResponse"]!["examples"]!.AsArray();
        Assert.Equal([true, false], validation.Select(e => e!["valid"]!.GetValue<bool>()));
        Assert.Equal("LICENSE_EXPIRED", validation[1]!["error"]!.GetValue<string>());
        Assert.Equal("https://easyfacture.com/renew", validation[1]!["renewal_url"]!.GetValue<string>());

        var issued = schemas["LicenseIssuedResponse"]!["examples"]!.AsArray();
        Assert.Equal(["Licence trial créée avec succès", "Licence activée avec succès"], issued.Select(e => e!["message"]!.GetValue<string>()));
        Assert.Equal("Heartbeat enregistré", schemas["HeartbeatResponse"]!["examples"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("Licence révoquée avec succès", schemas["RevokeResponse"]!["examples"]![0]!["message"]!.GetValue<string>());
        Assert.True(schemas["ApiError"]!["examples"]![0]!["request_id"] is not null);
    }

    [Fact]
    public async Task The_invoice_schemas_carry_the_seed_s_examples()
    {
        var schemas = Schemas(await DocumentAsync());

        var invoice = schemas["InvoiceResponse"]!["examples"]![0]!["invoice"]!;
        Assert.Equal("ACME Corp", invoice["supplierName"]!.GetValue<string>());
        Assert.Equal("FAC-2024-001", invoice["invoiceNumber"]!.GetValue<string>());
        Assert.Equal("1200.00", invoice["amountTTC"]!.GetValue<string>());
        Assert.Equal(["60100000", "44566000", "40100000"], invoice["accountingEntries"]!.AsArray().Select(e => e!["accountNumber"]!.GetValue<string>()));
        Assert.Equal("OCR relancé", schemas["RetryResponse"]!["examples"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_example_of_the_table_reaches_the_document()
    {
        var schemas = Schemas(await DocumentAsync());

        foreach (var (type, examples) in ApiExamples.ByType)
        {
            Assert.True(schemas[type.Name]?["examples"] is JsonArray documented && documented.Count == examples.Length,
                $"{type.Name}: the document has no such schema, or not its {examples.Length} example(s).");
        }
    }

    [Fact]
    public async Task Every_example_in_the_document_is_valid_against_its_own_schema()
    {
        var schemas = Schemas(await DocumentAsync());

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (name, schema) in schemas)
        {
            foreach (var example in schema!["examples"]?.AsArray() ?? [])
            {
                checkedCount++;
                if (Errors(schemas, name, example!) is { Count: > 0 } errors)
                {
                    failures.Add($"{name}: {string.Join("; ", errors)}");
                }
            }
        }

        Assert.True(checkedCount >= ApiExamples.ByType.Sum(e => e.Value.Length), $"only {checkedCount} examples checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_example_missing_a_required_property_or_adding_an_undeclared_one_fails_the_check()
    {
        var schemas = Schemas(await DocumentAsync());
        var trial = schemas["TrialRequest"]!["examples"]![0]!.AsObject();
        Assert.Empty(Errors(schemas, "TrialRequest", trial));

        var missing = trial.DeepClone().AsObject();
        missing.Remove("email");
        Assert.Contains(Errors(schemas, "TrialRequest", missing), e => e.Contains("email", StringComparison.Ordinal));

        var camel = trial.DeepClone().AsObject();
        camel["machineId"] = camel["machine_id"]!.DeepClone();
        Assert.NotEmpty(Errors(schemas, "TrialRequest", camel));

        // Nested: an accounting entry without its account number, inside the invoice inside the answer.
        var answer = schemas["InvoiceResponse"]!["examples"]![0]!.DeepClone().AsObject();
        Assert.Empty(Errors(schemas, "InvoiceResponse", answer));
        answer["invoice"]!["accountingEntries"]![0]!.AsObject().Remove("accountNumber");
        Assert.NotEmpty(Errors(schemas, "InvoiceResponse", answer));

        // The error envelope admits extra members (retry_after, existing_license), never a missing required one.
        var error = schemas["ApiError"]!["examples"]![0]!.DeepClone().AsObject();
        error["retry_after"] = 60;
        Assert.Empty(Errors(schemas, "ApiError", error));
        error.Remove("request_id");
        Assert.NotEmpty(Errors(schemas, "ApiError", error));
    }

    [Fact]
    public async Task Error_answers_carry_the_seed_s_examples_per_route_and_status()
    {
        var document = await DocumentAsync();
        JsonNode Example(string path, string method, string status) =>
            document["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["example"]!;

        var conflict = Example("/api/v1/licenses/trial", "post", "409");
        Assert.Equal("TRIAL_ALREADY_EXISTS", conflict["error"]!.GetValue<string>());
        Assert.Equal(15, conflict["existing_license"]!["days_remaining"]!.GetValue<int>());
        Assert.Equal(3600, Example("/api/v1/licenses/trial", "post", "429")["retry_after"]!.GetValue<int>());
        Assert.Equal("RATE_LIMIT_EXCEEDED", Example("/api/v1/licenses/validate", "post", "429")["error"]!.GetValue<string>());
        Assert.Equal("INVALID_ACTIVATION_CODE", Example("/api/v1/licenses/activate", "post", "404")["error"]!.GetValue<string>());
        Assert.Equal("Facture introuvable", Example("/api/invoices/{id}", "get", "404")["message"]!.GetValue<string>());
        Assert.Equal("OCR déjà en cours", Example("/api/invoices/{id}/retry", "post", "400")["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_answer_example_names_a_served_answer_and_is_valid_against_its_schema()
    {
        var document = await DocumentAsync();
        var schemas = Schemas(document);

        var placed = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]?.AsObject() ?? [])
                {
                    if (response!["content"]?["application/json"] is { } json && json["example"] is { } example)
                    {
                        placed.Add($"{method.ToUpperInvariant()} {path} {status}");
                        var errors = OpenApiExampleCheck.Errors(schemas, json["schema"]!, example);
                        failures.AddRange(errors.Select(e => $"{method.ToUpperInvariant()} {path} {status}: {e}"));
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var routeKeys = ApiExamples.ByResponse.Keys.Where(k => !k.StartsWith(ApiExamples.AnyRoute + " ", StringComparison.Ordinal));
        Assert.All(routeKeys, key => Assert.Contains(key, placed));
        Assert.Contains(placed, p => p.EndsWith(" 429", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(App.License, "TrialRequest")]
    [InlineData(App.Ocr, "InvoiceResponse")]
    public async Task The_function_apps_documents_carry_the_examples_too(App app, string schema)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(FunctionAppApiDocument.PathOf(app)))!.AsObject();

        Assert.NotEmpty(Schemas(document)[schema]!["examples"]!.AsArray());
    }

    private static List<string> Errors(JsonObject schemas, string name, JsonNode instance) =>
        OpenApiExampleCheck.Errors(schemas, name, instance);
}
