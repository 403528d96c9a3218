using System.Text.Json;
using Backend.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Licensing;

/// <summary>
/// The admin search filters (<c>?email=&amp;machine_id=&amp;type=&amp;status=&amp;expires_after=&amp;expires_before=&amp;product=&amp;page=&amp;page_size=</c>)
/// shared by the search and the CSV export. <c>machine_id</c> matches from the start (a pasted prefix finds the machine);
/// the expiry window is half-open: <c>expires_after &lt;= expires_at &lt; expires_before</c>.
/// </summary>
internal sealed class LicenseFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private static readonly HashSet<string> Known = ["email", "machine_id", "type", "status", "expires_after", "expires_before", "product", "page", "page_size"];
    private static readonly HashSet<string> Statuses = ["active", "expired", "revoked"];

    public string? Email { get; private init; }
    public string? Type { get; private init; }
    public string? Status { get; private init; }
    public string? Product { get; private init; }
    public string? MachineIdPrefix { get; private init; }
    public DateTimeOffset? ExpiresAfter { get; private init; }
    public DateTimeOffset? ExpiresBefore { get; private init; }
    public int Page { get; private init; } = 1;
    public int PageSize { get; private init; } = DefaultPageSize;

    /// <summary>Matches <see cref="LicenseSummary.Status"/>: revoked wins over expired.</summary>
    public const string StatusSql = "CASE WHEN is_revoked THEN 'revoked' WHEN expires_at <= @now THEN 'expired' ELSE 'active' END";

    public const string WhereSql = """
        (@email::text IS NULL OR lower(email) = lower(@email))
        AND (@machineIdPrefix::text IS NULL OR machine_id LIKE @machineIdPrefix || '%')
        AND (@expiresAfter::timestamptz IS NULL OR expires_at >= @expiresAfter)
        AND (@expiresBefore::timestamptz IS NULL OR expires_at < @expiresBefore)
        AND (@type::text IS NULL OR license_type = @type)
        AND (@product::text IS NULL OR product = @product)
        AND (@status::text IS NULL
             OR (@status = 'revoked' AND is_revoked)
             OR (@status = 'expired' AND NOT is_revoked AND expires_at <= @now)
             OR (@status = 'active' AND NOT is_revoked AND expires_at > @now))
        """;

    public const string SelectSql = $"""
        SELECT id, machine_id, email, product, license_type, {StatusSql} AS status, created_at, trial_started_at, activated_at,
               expires_at, last_validated_at, last_heartbeat_at, revoked_at, revoked_reason, app_version, activation_code
        FROM licenses
        """;

    public static LicenseFilter Parse(HttpRequest request, RequestFields errors)
    {
        foreach (var key in request.Query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.AddError(key, "paramètre inconnu");
        }
        string? Single(string name, int maxLength)
        {
            var values = request.Query[name];
            if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
            {
                return null;
            }
            if (values.Count > 1)
            {
                errors.AddError(name, "une seule valeur attendue");
                return null;
            }
            if (values[0]!.Length > maxLength)
            {
                errors.AddError(name, $"au plus {maxLength} caractères");
                return null;
            }
            return values[0];
        }
        int Number(string name, int fallback, int min, int max)
        {
            var text = Single(name, 10);
            if (text is null)
            {
                return fallback;
            }
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors.AddError(name, $"entier entre {min} et {max} attendu");
                return fallback;
            }
            return value;
        }

        var type = Single("type", 20);
        if (type is not null && !LicenseTypes.IsKnown(type))
        {
            errors.AddError("type", "trial, monthly, annual ou lifetime");
        }
        var status = Single("status", 20);
        if (status is not null && !Statuses.Contains(status))
        {
            errors.AddError("status", "active, expired ou revoked");
        }
        var email = Single("email", EmailAddress.MaxLength)?.Trim();
        // PostgreSQL text cannot hold NUL: such a filter would fail the query instead of matching nothing.
        if (email is not null && email.Any(char.IsControl))
        {
            errors.AddError("email", "caractères de contrôle interdits");
        }
        var product = Single("product", Products.ProductCode.MaxLength);
        if (product is not null && !Products.ProductCode.IsValid(product))
        {
            errors.AddError("product", "code produit attendu");
        }
        var machineId = Single("machine_id", 32)?.Trim().ToLowerInvariant();
        if (machineId is not null && !machineId.All(char.IsAsciiHexDigit))
        {
            errors.AddError("machine_id", "caractères hexadécimaux attendus (le début d'un identifiant de machine suffit)");
        }
        DateTimeOffset? Time(string name)
        {
            var text = Single(name, 40);
            if (text is null)
            {
                return null;
            }
            // A date alone is midnight UTC; a time must say its offset, so the window never depends on the server's zone.
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            if (text.Contains('T') && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T'))
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
            {
                return time.ToUniversalTime();
            }
            errors.AddError(name, "date AAAA-MM-JJ ou date-heure ISO 8601 avec fuseau attendue");
            return null;
        }
        var expiresAfter = Time("expires_after");
        var expiresBefore = Time("expires_before");
        if (expiresAfter is not null && expiresBefore is not null && expiresBefore <= expiresAfter)
        {
            errors.AddError("expires_before", "doit être après expires_after");
        }
        return new LicenseFilter
        {
            Product = product,
            MachineIdPrefix = machineId,
            ExpiresAfter = expiresAfter,
            ExpiresBefore = expiresBefore,
            Email = email,
            Type = type,
            Status = status,
            Page = Number("page", 1, 1, 1_000_000),
            PageSize = Number("page_size", DefaultPageSize, 1, MaxPageSize),
        };
    }

    /// <summary>The parameters of <see cref="WhereSql"/> and <see cref="StatusSql"/>.</summary>
    public Dapper.DynamicParameters SqlParameters(DateTimeOffset now)
    {
        var parameters = new Dapper.DynamicParameters();
        parameters.Add("now", now);
        parameters.Add("email", Email);
        parameters.Add("type", Type);
        parameters.Add("status", Status);
        parameters.Add("product", Product);
        parameters.Add("machineIdPrefix", MachineIdPrefix);
        parameters.Add("expiresAfter", ExpiresAfter);
        parameters.Add("expiresBefore", ExpiresBefore);
        return parameters;
    }

    public static RequestFields NewErrors() => new(default(JsonElement));
}
