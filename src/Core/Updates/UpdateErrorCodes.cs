namespace Backend.Core.Updates;

public static class UpdateErrorCodes
{
    /// <summary>This version is already published on this product's channel.</summary>
    public const string ReleaseExists = "RELEASE_EXISTS";
}
