namespace Backend.Core.Partners;

/// <summary>A reseller as admins see it; <c>source</c> is <c>configuration</c> (Partners__ApiKeyHashes) or <c>admin</c>. Never its key.</summary>
public sealed record PartnerSummary(string Name, IReadOnlyList<string> Products, string Source, DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? DisabledAt);
