using Grpc.Core;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Notifications.FollowedStores;

/// <summary>
/// Closes a store's digest window and tells its followers, one notification each (in-app and push, category
/// FOLLOWED_STORES, so their preferences decide): "Bakery added Rye loaf" for one product, "Bakery added 12 new
/// products" for more. Followers come from Sellers a page at a time (<c>SellersFollowers.ListStoreFollowers</c>, as
/// this module); each page is planned in one transaction that holds the window's row lock and records the page's last
/// follower, so a retried or duplicated run resumes there, and the notifications' idempotency keys
/// (<c>&lt;template&gt;:&lt;user&gt;:&lt;digest&gt;</c>) make sure nobody is told twice.
/// </summary>
internal sealed partial class FollowerDigestJob(
    NotificationsDbContext db,
    NotificationService notifications,
    SellersFollowers.SellersFollowersClient sellers,
    NotificationsOptions options,
    TimeProvider clock,
    ILogger<FollowerDigestJob> logger)
{
    private static readonly Channel[] Channels = [Channel.InApp, Channel.Push];

    public async Task RunAsync(Guid digestId)
    {
        var cancellationToken = CancellationToken.None;
        // Close the window: products published from now on open the next one.
        await db.FollowerDigests.Where(d => d.Id == digestId && d.State == FollowerDigest.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, FollowerDigest.Sending), cancellationToken);
        var digest = await db.FollowerDigests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == digestId, cancellationToken);
        if (digest is null || digest.State == FollowerDigest.Sent)
            return;
        if (digest.ProductCount == 0)
        {
            await FinishAsync(digestId, "NO_PRODUCTS", cancellationToken);
            return;
        }

        var template = digest.ProductCount == 1 ? NotificationTemplates.FollowedStoreNewProduct : NotificationTemplates.FollowedStoreNewProducts;
        var cursor = digest.Cursor;
        while (true)
        {
            ListStoreFollowersResponse page;
            try
            {
                page = await sellers.ListStoreFollowersAsync(
                    new ListStoreFollowersRequest { StoreId = digest.StoreId.ToString(), Page = new PageRequest { First = options.FollowedStoreDigestBatch, After = cursor?.ToString() ?? "" } },
                    cancellationToken: cancellationToken);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
            {
                await FinishAsync(digestId, "STORE_NOT_FOUND", cancellationToken);
                return;
            }

            // A store that closed or was suspended meanwhile shows none of its products: nothing to tell.
            if (page.Store.Status != "ACTIVE")
            {
                await FinishAsync(digestId, "STORE_NOT_ACTIVE", cancellationToken);
                return;
            }

            var followers = page.UserIds.Select(Guid.Parse).ToList();
            if (followers.Count > 0 && !await TellAsync(digest, template, page.Store.Name, followers, cancellationToken))
                return;
            if (!page.PageInfo.HasNextPage || followers.Count == 0)
                break;
            cursor = followers[^1];
        }

        await FinishAsync(digestId, FollowerDigest.Sent, cancellationToken);
    }

    /// <summary>One page of followers in one transaction; false when another run finished the digest meanwhile.</summary>
    private async Task<bool> TellAsync(FollowerDigest digest, string template, string storeName, IReadOnlyList<Guid> followers, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, string>
        {
            ["storeName"] = storeName,
            ["productTitle"] = digest.ProductTitle,
            ["productCount"] = digest.ProductCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A duplicate run of this job waits here, then skips the followers the first one told (their keys exist).
        var locked = (await db.FollowerDigests.FromSql($"SELECT * FROM notifications.follower_digests WHERE id = {digest.Id} FOR UPDATE").ToListAsync(cancellationToken)).Single();
        if (locked.State == FollowerDigest.Sent)
            return false;
        var deliveries = await notifications.PlanManyAsync(template, followers, data, user => $"{template}:{user:N}:{digest.Id:N}", Channels, cancellationToken);
        locked.Cursor = followers[^1];
        locked.NotifiedCount += db.ChangeTracker.Entries<Notification>().Count(e => e.State == EntityState.Added);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        notifications.Enqueue(deliveries);
        return true;
    }

    private async Task FinishAsync(Guid digestId, string outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.FollowerDigests.Where(d => d.Id == digestId && d.State != FollowerDigest.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, FollowerDigest.Sent).SetProperty(d => d.Outcome, outcome).SetProperty(d => d.SentAt, now), cancellationToken);
        LogFinished(logger, digestId, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follower digest {DigestId} finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, Guid digestId, string outcome);
}
