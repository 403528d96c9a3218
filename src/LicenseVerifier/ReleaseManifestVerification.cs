namespace EasyFacture.Licensing;

/// <summary>The outcome of a manifest check; <see cref="Manifest"/> is set only when <see cref="Result"/> is <see cref="ReleaseManifestCheck.Valid"/>.</summary>
public sealed record ReleaseManifestVerification(ReleaseManifestCheck Result, ReleaseManifest? Manifest);
