using Backend.Core.Configuration;

namespace Backend.Core.Storage;

/// <summary>Settings of the on-disk blob store used by SelfHost.</summary>
public sealed class BlobStoreSettings : ISettings
{
    public static string SectionName => "BlobStore";

    /// <summary>Directory holding one sub-directory per container.</summary>
    public string RootPath { get; set; } = "";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(RootPath))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(RootPath))}' is missing: set it to the directory that holds the blob containers.";
        }
    }
}
