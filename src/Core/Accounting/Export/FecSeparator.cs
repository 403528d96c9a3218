namespace Backend.Core.Accounting.Export;

/// <summary>The two separators article A47 A-1 of the LPF allows in a flat FEC file.</summary>
public enum FecSeparator
{
    Pipe,
    Tab,
}
