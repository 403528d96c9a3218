namespace Backend.Core.Updates;

/// <summary>
/// <c>manifest</c>: base64url of the release's JSON (<see cref="EasyFacture.Licensing.ReleaseManifest"/>); <c>signature</c>:
/// base64url ECDSA P-256 SHA-256 over those JSON bytes; <c>key_id</c>: the license signing key that made it.
/// </summary>
public sealed record UpdateResponse(string Manifest, string Signature, string KeyId);
