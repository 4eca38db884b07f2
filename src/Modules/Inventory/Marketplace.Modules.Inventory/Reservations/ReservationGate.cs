using Marketplace.Modules.Inventory.Reservations.Reserve;
using Marketplace.Shared.UseCases;

namespace Marketplace.Modules.Inventory.Reservations;

/// <summary>
/// Admission control for hot variants: at most <c>ConcurrencyPerVariant</c> reservations of one variant run their
/// transaction at once in this process; the others wait here, in memory, without a database connection. PostgreSQL
/// serialises writers of one row anyway (tps ≈ 1000 / lock-hold-ms, commerce.md §4); past a few waiters on the row lock
/// the waiting itself costs (lock manager, wake-ups, connections) and throughput collapses. The gate keeps the queue
/// here instead. It is about throughput only: correctness comes from the conditional UPDATE, with or without it.
/// Variants are entered in the one lock order, so two multi-line reservations cannot wait on each other in a cycle.
/// It is an <see cref="IAdmissionGate{TMessage}"/>: the pipeline passes every Reserve through it before its transaction
/// opens, so a waiting reservation holds no database connection.
/// </summary>
internal sealed class ReservationGate(InventoryOptions options) : IAdmissionGate<ReserveCommand>
{
    public ValueTask<IDisposable> EnterAsync(ReserveCommand message, CancellationToken cancellationToken) =>
        EnterAsync(message.VariantIds, cancellationToken);

    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly Lock _lock = new();

    public async ValueTask<IDisposable> EnterAsync(IReadOnlyList<Guid> orderedVariantIds, CancellationToken cancellationToken)
    {
        var limit = options.Reservations.ConcurrencyPerVariant;
        if (limit <= 0 || orderedVariantIds.Count == 0)
            return Passage.None;

        var entered = new List<(Guid, Entry)>(orderedVariantIds.Count);
        try
        {
            foreach (var variantId in orderedVariantIds)
            {
                var entry = Acquire(variantId, limit);
                try
                {
                    await entry.Semaphore.WaitAsync(cancellationToken);
                }
                catch
                {
                    Return(variantId, entry);
                    throw;
                }

                entered.Add((variantId, entry));
            }
        }
        catch
        {
            Leave(entered);
            throw;
        }

        return new Passage(this, entered);
    }

    private Entry Acquire(Guid variantId, int limit)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(variantId, out var entry))
                _entries[variantId] = entry = new Entry(new SemaphoreSlim(limit, limit));
            entry.Users++;
            return entry;
        }
    }

    private void Return(Guid variantId, Entry entry)
    {
        lock (_lock)
        {
            // The last user removes the entry, so the table holds only variants being reserved right now.
            if (--entry.Users == 0)
            {
                _entries.Remove(variantId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private void Leave(List<(Guid VariantId, Entry Entry)> entered)
    {
        for (var i = entered.Count - 1; i >= 0; i--)
        {
            entered[i].Entry.Semaphore.Release();
            Return(entered[i].VariantId, entered[i].Entry);
        }
    }

    private sealed class Entry(SemaphoreSlim semaphore)
    {
        public SemaphoreSlim Semaphore { get; } = semaphore;

        public int Users { get; set; }
    }

    private sealed class Passage(ReservationGate? gate, List<(Guid, Entry)> entered) : IDisposable
    {
        public static readonly Passage None = new(null, []);

        private int _disposed;

        public void Dispose()
        {
            if (gate is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(entered);
        }
    }
}
