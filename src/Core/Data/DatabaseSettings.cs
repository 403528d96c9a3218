using Backend.Core.Configuration;
using Npgsql;

namespace Backend.Core.Data;

public sealed class DatabaseSettings : ISettings
{
    public static string SectionName => "Database";

    /// <summary>Npgsql connection string of the application database.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a command may run before it is cancelled; keeps requests from hanging on a sick database.</summary>
    public int CommandTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Empty: the connection string's password. <c>managedidentity</c> (Azure): no password anywhere; each new connection
    /// logs in with a Microsoft Entra token of the identity <see cref="ClientId"/> names (<see cref="IDatabasePasswordSource"/>).
    /// </summary>
    public string Credential { get; set; } = "";

    /// <summary>Client id of the user-assigned managed identity used when <see cref="Credential"/> is <c>managedidentity</c>.</summary>
    public string ClientId { get; set; } = "";

    public bool UsesManagedIdentity => string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        var name = SettingName.Of(SectionName, nameof(ConnectionString));
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"Setting '{name}' is missing: set it to a PostgreSQL connection string (Host=...;Database=...;Username=...).";
        }
        else
        {
            string? error = null;
            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(parsed.Host))
                {
                    error = $"Setting '{name}' has no Host.";
                }
            }
            catch (ArgumentException)
            {
                // The parser's message may echo the password; say only which setting is wrong.
                error = $"Setting '{name}' is not a valid PostgreSQL connection string.";
            }
            if (error is not null)
            {
                yield return error;
            }
        }

        if (Credential.Length > 0 && !UsesManagedIdentity)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(Credential))}' must be empty (password in the connection string) or managedidentity.";
        }
        if (CommandTimeoutSeconds is < 1 or > 600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(CommandTimeoutSeconds))}' must be between 1 and 600 seconds.";
        }
    }
}
