using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Shared.Events;
using Marketplace.Shared.Jobs;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.FollowedStores;

/// <summary>
/// Catalog's product_published.v1 → the store's open digest window (docs/notifications.md, *Followed stores*). Runs in
/// the inbox transaction: the product is counted once ever (its id is the key of <c>follower_digest_products</c>, so a
/// redelivery, a copy under another event id or a re-publication after a draft adds nothing), and the first product of
/// a window opens it and schedules <see cref="FollowerDigestJob"/> for when it closes. Two hosts handling two products
/// of one store at once meet on the window's row (one OPEN row per store; the second waits for the first's lock).
/// </summary>
internal sealed class CollectPublishedProduct(NotificationsDbContext db, IJobScheduler jobs, NotificationsOptions options, TimeProvider clock) : IEventHandler<ProductPublished>
{
    public async Task HandleAsync(ProductPublished published, CancellationToken cancellationToken)
    {
        if (await db.FollowerDigestProducts.AnyAsync(p => p.ProductId == published.ProductId, cancellationToken))
            return;

        var now = clock.GetUtcNow();
        var window = options.FollowedStoreDigestWindow;
        // The window may close (its job claims it) between our insert and our lock: then open the next one.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var id = Guid.CreateVersion7();
            var opened = await db.ExecuteAsync(
                """
                INSERT INTO notifications.follower_digests (id, store_id, state, product_count, product_title, opened_at, closes_at, notified_count)
                VALUES ($1, $2, 'OPEN', 0, '', $3, $4, 0)
                ON CONFLICT (store_id) WHERE state = 'OPEN' DO NOTHING
                """,
                p =>
                {
                    p.AddWithValue(id);
                    p.AddWithValue(published.StoreId);
                    p.AddWithValue(now);
                    p.AddWithValue(now + window);
                },
                cancellationToken) == 1;
            var digest = (await db.FollowerDigests
                .FromSql($"SELECT * FROM notifications.follower_digests WHERE store_id = {published.StoreId} AND state = 'OPEN' FOR UPDATE")
                .ToListAsync(cancellationToken)).SingleOrDefault();
            if (digest is null)
                continue;
            // A copy of this product's event handled meanwhile on another host (it held the lock): counted already.
            // (A window this call opened still gets its job, which closes it empty.)
            if (await db.FollowerDigestProducts.AnyAsync(p => p.ProductId == published.ProductId, cancellationToken))
            {
                if (opened)
                    jobs.Schedule<FollowerDigestJob>(job => job.RunAsync(digest.Id), window);
                return;
            }

            digest.ProductCount++;
            if (digest.ProductTitle.Length == 0)
                digest.ProductTitle = published.Title.Length <= 300 ? published.Title : published.Title[..300];
            db.FollowerDigestProducts.Add(new FollowerDigestProduct { ProductId = published.ProductId, StoreId = published.StoreId, DigestId = digest.Id, PublishedAt = published.PublishedAt });

            // Scheduled before the inbox transaction commits (as the consumer contract allows): after a failed commit the
            // job finds no window and does nothing. A window whose job is long overdue (its job lost) is scheduled again.
            if (opened)
                jobs.Schedule<FollowerDigestJob>(job => job.RunAsync(digest.Id), window);
            else if (digest.ClosesAt + window < now)
                jobs.Enqueue<FollowerDigestJob>(job => job.RunAsync(digest.Id));
            return;
        }

        throw new InvalidOperationException($"No open follower digest for store {published.StoreId} after three attempts.");
    }
}
