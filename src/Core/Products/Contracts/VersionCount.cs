namespace Backend.Core.Products;

public sealed record VersionCount(string Version, long Machines);
