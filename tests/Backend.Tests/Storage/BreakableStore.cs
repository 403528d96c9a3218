using Backend.Core.Storage;

namespace Backend.Tests.Storage;

/// <summary>A store of one test, the way to take its storage away, and the way to bring it back as it was.</summary>
public sealed class BreakableStore(IBlobStore store, Func<Task> breakAsync, Func<Task> restoreAsync, Func<ValueTask>? disposeAsync = null) : IAsyncDisposable
{
    public IBlobStore Store { get; } = store;

    public Task BreakAsync() => breakAsync();

    public Task RestoreAsync() => restoreAsync();

    public ValueTask DisposeAsync() => disposeAsync?.Invoke() ?? ValueTask.CompletedTask;
}
