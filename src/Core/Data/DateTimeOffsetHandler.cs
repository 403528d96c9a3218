using System.Data;
using Dapper;

namespace Backend.Core.Data;

/// <summary>
/// Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>; Dapper cannot turn that into a
/// <see cref="DateTimeOffset"/> on its own, and writing one with a non-zero offset is refused by Npgsql.
/// Everything crosses the boundary as UTC.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.Value = value.UtcDateTime;
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot convert {value.GetType().Name} to DateTimeOffset."),
    };
}
