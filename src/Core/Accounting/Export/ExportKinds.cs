namespace Backend.Core.Accounting.Export;

/// <summary>The two files of an export batch, as named in download routes.</summary>
public static class ExportKinds
{
    public const string Sage = "sage";
    public const string Fec = "fec";
}
