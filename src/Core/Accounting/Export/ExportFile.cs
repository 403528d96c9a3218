namespace Backend.Core.Accounting.Export;

/// <param name="Lines">Entry lines written, headers excluded.</param>
/// <param name="Warnings">French messages about text that could not be written as is (characters replaced).</param>
public sealed record ExportFile(byte[] Content, int Lines, IReadOnlyList<string> Warnings);
