namespace Backend.Core.Licensing;

public sealed record LicenseSearchResponse(int Page, int PageSize, long Total, IReadOnlyList<LicenseSummary> Licenses)
{
    public bool Success => true;
}
