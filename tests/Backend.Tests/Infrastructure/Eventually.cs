namespace Backend.Tests.Infrastructure;

/// <summary>Waits for a condition the system under test reaches asynchronously, failing after a deadline.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not reached in time{(because is null ? "" : ": " + because)}; last value: {last}");
            }
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        MatchAsync(probe, x => x, timeout, because);
}
