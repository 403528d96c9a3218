namespace Backend.Core.Licensing;

public sealed record DayCount(DateOnly Day, long Count);
