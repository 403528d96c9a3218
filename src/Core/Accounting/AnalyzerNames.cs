namespace Backend.Core.Accounting;

public static class AnalyzerNames
{
    public const string Rules = "rules";
    public const string Claude = "claude";

    /// <summary>Entries typed or corrected by the user through PATCH.</summary>
    public const string User = "user";
}
