namespace Backend.Core.Licensing;

/// <summary>Optional body of <c>DELETE admin/licenses/{machineId}</c>; the reason may also come as <c>?reason=</c>.</summary>
public sealed record RevokeRequest(string? Reason);
