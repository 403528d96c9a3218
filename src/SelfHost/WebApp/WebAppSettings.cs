using Backend.Core.Configuration;

namespace Backend.SelfHost.WebApp;

/// <summary>Where SelfHost finds the built web app (web/dist) it serves at <c>/admin/</c> and <c>/app/</c>.</summary>
public sealed class WebAppSettings : ISettings
{
    public static string SectionName => "WebApp";

    /// <summary>The directory of the Vite build (holding index.html); empty: SelfHost serves the API only.</summary>
    public string RootPath { get; set; } = "";

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(RootPath) && !File.Exists(Path.Combine(RootPath, "index.html")))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(RootPath))}' is '{RootPath}', which holds no index.html: "
                + "build the web app first (cd web && npm ci && npm run build), or leave the setting empty to serve the API only.";
        }
    }
}
