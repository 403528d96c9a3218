namespace Backend.Core.Licensing;

/// <summary>Optional body of <c>DELETE admin/licenses/{machineId}</c>; reason and product may also come as <c>?reason=&amp;product=</c>.</summary>
public sealed record RevokeRequest(string? Reason, string? Product);
