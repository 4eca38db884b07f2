namespace Marketplace.Shared.UseCases;

/// <summary>A page of a keyset-paged query: its items (each carries its own position key) and whether more follow.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasNextPage);

public static class Paging
{
    /// <summary>The page size to use: the module's default for 0 (not given), at most <paramref name="max"/>.</summary>
    public static int Size(int first, int defaultSize, int max) => first <= 0 ? defaultSize : Math.Min(first, max);

    /// <summary>A page from rows read with <c>LIMIT size + 1</c>: the extra row only tells that a next page exists.</summary>
    public static Page<T> FromSlice<T>(IReadOnlyList<T> rows, int size) => new(rows.Take(size).ToList(), rows.Count > size);
}
