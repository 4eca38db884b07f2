using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.ListLedgerEntries;

/// <summary>A page of a seller's entries, newest first; <paramref name="After"/> is an entry's position (its key).</summary>
internal sealed record ListLedgerEntriesQuery(Guid SellerId, int First, string After) : IQuery<Page<LedgerEntryView>>;
