using Dapper;

namespace Backend.Core.Data;

internal static class DapperTypeHandlers
{
    private static int _registered;

    /// <summary>Dapper's handlers are process-wide; register them once whichever host starts first.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }
}
