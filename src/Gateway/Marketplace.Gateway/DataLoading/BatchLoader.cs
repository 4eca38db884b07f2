using System.Collections.Concurrent;
using GraphQL.DataLoader;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.DataLoading;

/// <summary>
/// The per-request registry of batch loaders (scoped: one per HTTP request or WebSocket operation), so a
/// loader's cache never outlives the request nor leaks one caller's objects to another.
/// </summary>
public sealed class DataLoaderContext
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    /// <summary>
    /// The loader named <paramref name="name"/> (e.g. <c>Sellers.GetStores</c>), created on first use with
    /// <paramref name="fetch"/>: one contract call that returns the values of many keys.
    /// </summary>
    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch));
}

/// <summary>
/// Collects keys while GraphQL.NET resolves a level of the query, then fetches them in one call when the first
/// result is awaited (GraphQL.NET awaits <see cref="IDataLoaderResult"/>s only after the whole level resolved).
/// Repeated keys are fetched once per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch _pending = new();

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _pending;
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Result(this, batch, key);
        }
    }

    /// <summary>
    /// Gives a key its value without a fetch (facts an earlier answer of the same request already carried). A key
    /// already asked for keeps its batch.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_batchOf.ContainsKey(key))
                return;
            var batch = new Batch { Running = Task.FromResult<IReadOnlyDictionary<TKey, TValue>>(new Dictionary<TKey, TValue> { [key] = value }) };
            batch.Keys.Add(key);
            _batchOf[key] = batch;
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (batch.Running is null)
            {
                if (ReferenceEquals(batch, _pending))
                    _pending = new Batch();
                // The caller of the operation rides along, as with any contract call of a resolver.
                var context = CallContext.Current;
                batch.Running = Run(batch.Keys.ToList(), context, cancellationToken);
            }

            return batch.Running;
        }
    }

    private async Task<IReadOnlyDictionary<TKey, TValue>> Run(List<TKey> keys, CallContext context, CancellationToken cancellationToken)
    {
        using var scope = CallContext.Push(context);
        return await fetch(keys, cancellationToken);
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Running { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

public static class DataLoaderResultExtensions
{
    /// <summary>Maps a pending result without awaiting it, so the batch still forms (e.g. load a store, return its name).</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new MappedResult<T, TResult>(result, map);

    private sealed class MappedResult<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
