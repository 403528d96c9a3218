namespace Backend.Core.Partners;

public sealed record CreatePartnerRequest(string Name, IReadOnlyList<string> Products);
