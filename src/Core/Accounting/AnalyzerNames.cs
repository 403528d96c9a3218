namespace Backend.Core.Accounting;

public static class AnalyzerNames
{
    public const string Rules = "rules";
    public const string Claude = "claude";
}
