using System.Data;
using Dapper;

namespace Backend.Core.Data;

/// <summary>Maps PostgreSQL <c>date</c> columns to <see cref="DateOnly"/>.</summary>
internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => throw new DataException($"Cannot convert {value.GetType().Name} to DateOnly."),
    };
}
