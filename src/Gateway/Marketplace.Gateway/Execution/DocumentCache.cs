using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace Marketplace.Gateway.Execution;

/// <summary>
/// Parsed documents that passed validation, by query text, so a repeated operation skips parsing and
/// validation. Bounded: when full, the least recently used tenth is dropped. Only documents that validated are
/// stored, and the rules they skip depend on the document alone (never on the caller or variables).
/// </summary>
public sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _clock;
    private long _hits;
    private long _misses;

    public int Count => _entries.Count;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(string query, out GraphQLDocument document)
    {
        if (capacity > 0 && _entries.TryGetValue(query, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            Interlocked.Increment(ref _hits);
            document = entry.Document;
            return true;
        }

        Interlocked.Increment(ref _misses);
        document = null!;
        return false;
    }

    public void Add(string query, GraphQLDocument document)
    {
        if (capacity <= 0)
            return;
        if (_entries.Count >= capacity)
            Evict();
        _entries[query] = new Entry(document) { LastUsed = Interlocked.Increment(ref _clock) };
    }

    private void Evict()
    {
        var victims = _entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(1, capacity / 10)).Select(e => e.Key).ToList();
        foreach (var key in victims)
            _entries.TryRemove(key, out _);
    }

    private sealed class Entry(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public long LastUsed { get; set; }
    }
}
