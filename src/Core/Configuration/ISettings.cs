namespace Backend.Core.Configuration;

/// <summary>
/// A strongly typed settings section that can say what is wrong with itself. Each problem names the
/// setting the way an operator writes it in app settings (<c>Section__Key</c>), so a failed start-up
/// tells them exactly which value to fix.
/// </summary>
public interface ISettings
{
    /// <summary>The configuration section bound to this type, e.g. <c>Database</c>.</summary>
    static abstract string SectionName { get; }

    IEnumerable<string> Validate();
}
