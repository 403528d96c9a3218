using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace EasyFacture.Licensing;

/// <summary>
/// What the update server asserts about a release, signed with the license signing key
/// (<c>GET /api/v1/updates/{product}</c> answers it as <c>manifest</c>, base64url of this JSON).
/// </summary>
public sealed record ReleaseManifest
{
    [JsonPropertyName("product")] public required string Product { get; init; }
    [JsonPropertyName("channel")] public required string Channel { get; init; }
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }

    /// <summary>SHA-256 of the installer, lower-case hex.</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }
    [JsonPropertyName("size")] public required long Size { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }

    /// <summary>The oldest version that may update to this one directly.</summary>
    [JsonPropertyName("min_version")] public string? MinVersion { get; init; }

    /// <summary>Whether <paramref name="download"/> is the installer this manifest names: its size and SHA-256.</summary>
    public bool IsInstaller(Stream download)
    {
        ArgumentNullException.ThrowIfNull(download);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = download.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return size == Size && CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), Convert.FromHexString(Sha256));
    }
}
