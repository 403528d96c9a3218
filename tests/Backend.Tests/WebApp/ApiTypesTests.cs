using System.Diagnostics;
using Backend.Tests.Configuration;
using Backend.Tests.Licensing;

namespace Backend.Tests.WebApp;

/// <summary>
/// web/src/lib/api-types.ts is generated from the API's OpenAPI document by web/scripts/generate-api-types.mjs.
/// Generated again here from the live document of this build, it must equal the committed file: an API change
/// that the web app's types do not follow fails here, not in a person's browser.
/// </summary>
public sealed class ApiTypesTests(LicensingHost host) : IClassFixture<LicensingHost>
{
    [Fact]
    public async Task The_committed_api_types_match_the_live_OpenAPI_document()
    {
        var document = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        var generated = Path.ChangeExtension(document, ".ts");
        try
        {
            await File.WriteAllTextAsync(document, await host.Client.GetStringAsync("/api/openapi.json"));
            var script = RepositoryFiles.PathOf("web/scripts/generate-api-types.mjs");
            Assert.True(Directory.Exists(RepositoryFiles.PathOf("web/node_modules/openapi-typescript")),
                "web/node_modules is missing: run scripts/web.sh (scripts/test.sh does) first.");

            var start = new ProcessStartInfo("node", [script, document, generated])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.PathOf("web"),
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);

            var committed = await File.ReadAllTextAsync(RepositoryFiles.PathOf("web/src/lib/api-types.ts"));
            Assert.True(committed == await File.ReadAllTextAsync(generated),
                "web/src/lib/api-types.ts differs from the live OpenAPI document: run `npm run api-types` in web/ "
                + "with scripts/run.sh running, and commit the result.");
        }
        finally
        {
            File.Delete(document);
            File.Delete(generated);
        }
    }
}
