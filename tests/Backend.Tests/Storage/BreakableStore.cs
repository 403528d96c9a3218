using Backend.Core.Storage;

namespace Backend.Tests.Storage;

/// <summary>A store of one test and the way to take its storage away.</summary>
public sealed class BreakableStore(IBlobStore store, Func<Task> breakAsync, Func<ValueTask>? disposeAsync = null) : IAsyncDisposable
{
    public IBlobStore Store { get; } = store;

    public Task BreakAsync() => breakAsync();

    public ValueTask DisposeAsync() => disposeAsync?.Invoke() ?? ValueTask.CompletedTask;
}
