using System.Threading.Channels;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// Reads license states for validate, coalescing the lookups of concurrent requests into one
/// <c>WHERE id = ANY(...)</c> query per batch. Every lookup is answered by a query that starts after the
/// request asked, so a revocation committed before a validate arrives is always seen. Under load this turns
/// dozens of round trips (and busy PostgreSQL backends competing for the CPU) into a few.
/// </summary>
public sealed class LicenseStateReader : IDisposable
{
    /// <summary>Batches in flight at once; each uses one connection.</summary>
    public const int Readers = 4;
    private const int MaxBatch = 512;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Lookup> _lookups = Channel.CreateUnbounded<Lookup>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Task[] _readers;

    public LicenseStateReader(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(ReadLoopAsync)).ToArray();
    }

    public Task<LicenseState?> FindAsync(long licenseId, string machineId, CancellationToken cancellationToken)
    {
        var lookup = new Lookup(licenseId, machineId);
        if (!_lookups.Writer.TryWrite(lookup))
        {
            throw new ObjectDisposedException(nameof(LicenseStateReader));
        }
        return lookup.Completion.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => _lookups.Writer.TryComplete();

    private async Task ReadLoopAsync()
    {
        var reader = _lookups.Reader;
        var batch = new List<Lookup>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var lookup))
            {
                batch.Add(lookup);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                var found = await QueryAsync(batch.Select(l => l.LicenseId).Distinct().ToArray());
                foreach (var lookup in batch)
                {
                    lookup.Completion.TrySetResult(
                        found.TryGetValue(lookup.LicenseId, out var state) && state.MachineId == lookup.MachineId ? state : null);
                }
            }
            catch (Exception e)
            {
                foreach (var lookup in batch)
                {
                    lookup.Completion.TrySetException(e);
                }
            }
        }
    }

    private async Task<Dictionary<long, LicenseState>> QueryAsync(long[] ids)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT {LicenseState.Columns} FROM licenses WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var rows = await command.ExecuteReaderAsync();
        var found = new Dictionary<long, LicenseState>(ids.Length);
        while (await rows.ReadAsync())
        {
            var state = LicenseState.Read(rows);
            found[state.Id] = state;
        }
        return found;
    }

    private sealed class Lookup(long licenseId, string machineId)
    {
        public long LicenseId { get; } = licenseId;
        public string MachineId { get; } = machineId;
        public TaskCompletionSource<LicenseState?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
