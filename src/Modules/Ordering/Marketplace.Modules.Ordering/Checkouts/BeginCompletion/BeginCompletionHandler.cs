using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Checkouts.BeginCompletion;

/// <summary>
/// (1) A key seen before answers for its first request: other input is IDEMPOTENCY_KEY_REUSED, the same input gets the
/// first outcome (the order group, CHECKOUT_IN_PROGRESS while it runs, or the failure). (2) The cart and the checkout are
/// locked (cart first, the one lock order of the module): a completed, completing, replaced, failed or expired checkout
/// is refused, and so is one whose cart changed since it was priced. (3) The prices now must add up to the expected
/// total, else the checkout takes the new prices and the answer is PRICE_CHANGED. (4) The key is claimed with
/// <c>INSERT … ON CONFLICT DO NOTHING</c> and the checkout becomes COMPLETING with its order group and order ids.
/// Refusals throw (and change nothing); outcomes that change the checkout (expired, new prices) are returned, so they commit.
/// </summary>
internal sealed class BeginCompletionHandler(OrderingDbContext db, CheckoutPricing pricing, TimeProvider clock) : ICommandHandler<BeginCompletionCommand, BeginOutcome>
{
    public async ValueTask<BeginOutcome> Handle(BeginCompletionCommand command, CancellationToken cancellationToken)
    {
        // The scoped DbContext served the earlier steps of this completion: read the rows afresh, not as it last saw them.
        db.ChangeTracker.Clear();
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var claimed = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.BuyerId == command.BuyerId && k.Key == command.IdempotencyKey, cancellationToken);
        if (claimed is not null)
            return await AnswerRepeatAsync(claimed, command, cancellationToken);

        var cartVersion = await db.Carts.FromSql($"SELECT c.* FROM ordering.carts c JOIN ordering.checkouts k ON k.cart_id = c.id WHERE k.id = {command.CheckoutId} AND k.buyer_id = {command.BuyerId} FOR UPDATE OF c")
            .Select(c => (int?)c.Version).SingleOrDefaultAsync(cancellationToken);
        var checkout = await db.Checkouts.FromSql($"SELECT * FROM ordering.checkouts WHERE id = {command.CheckoutId} AND buyer_id = {command.BuyerId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw ContractError.NotFound(OrderingErrorCodes.CheckoutNotFound, "No such checkout.");
        switch (checkout.Status)
        {
            case CheckoutStatus.Completed:
                throw ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutCompleted, "This checkout was already completed (with another idempotency key).");
            case CheckoutStatus.Completing:
                throw InProgress();
            case CheckoutStatus.Expired:
                throw Expired();
            case CheckoutStatus.Failed or CheckoutStatus.Replaced:
                throw ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutClosed, "This checkout was replaced by a newer one or failed: create a new one.");
        }

        if (checkout.ExpiresAt <= now)
        {
            checkout.Status = CheckoutStatus.Expired;
            checkout.UpdatedAt = now;
            return new BeginOutcome(BeginResult.Expired, checkout);
        }

        if (cartVersion != checkout.CartVersion)
            throw ContractError.FailedPrecondition(OrderingErrorCodes.CartChanged, "Your cart changed since this checkout was created: create a new checkout.");

        var document = Json.Read<CheckoutDocument>(checkout.Document);
        var repriced = await pricing.PriceAsync(document.Lines.Select(l => new LineToPrice(l.VariantId, l.StoreId, l.Quantity)).ToList(), checkout.CurrencyCode, cancellationToken);
        repriced.ThrowIfProblems();
        var newDocument = repriced.Document(document.Stores.ToDictionary(s => s.Store.Id, s => s.DistanceMeters));
        if (repriced.Total != checkout.Total || !SamePrices(document, newDocument))
        {
            // The checkout shows what completing it would now cost (the snapshot is taken from it).
            checkout.Document = Json.Write(newDocument);
            checkout.Total = repriced.Total;
            checkout.UpdatedAt = now;
        }

        if (repriced.Total != command.ExpectedTotal)
            return new BeginOutcome(BeginResult.PriceChanged, checkout);

        var inserted = await db.ExecuteAsync(
            """
            INSERT INTO ordering.idempotency_keys (buyer_id, key, request_hash, checkout_id, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (buyer_id, key) DO NOTHING
            """,
            p =>
            {
                p.Add(new() { Value = command.BuyerId });
                p.Add(new() { Value = command.IdempotencyKey });
                p.Add(new() { Value = command.RequestHash });
                p.Add(new() { Value = command.CheckoutId });
                p.Add(new() { Value = now });
            },
            cancellationToken);
        if (inserted == 0)
            throw KeyReused();

        var groupNumber = (await db.QueryAsync($"SELECT nextval('ordering.{OrderingDbContext.GroupNumbers}')", _ => { }, r => r.GetInt64(0), cancellationToken))[0];
        checkout.Status = CheckoutStatus.Completing;
        checkout.IdempotencyKey = command.IdempotencyKey;
        checkout.RequestHash = command.RequestHash;
        checkout.CompletingStartedAt = now;
        checkout.OrderGroupId = Guid.CreateVersion7();
        checkout.OrderGroupNumber = groupNumber;
        checkout.OrderIds = Json.Write(newDocument.Stores.ToDictionary(s => s.Store.Id, _ => Guid.CreateVersion7()));
        checkout.UpdatedAt = now;
        return new BeginOutcome(BeginResult.Proceed, checkout);
    }

    private async Task<BeginOutcome> AnswerRepeatAsync(IdempotencyKey claimed, BeginCompletionCommand command, CancellationToken cancellationToken)
    {
        if (!claimed.RequestHash.AsSpan().SequenceEqual(command.RequestHash))
            throw KeyReused();
        var checkout = await db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == claimed.CheckoutId, cancellationToken);
        return checkout.Status switch
        {
            CheckoutStatus.Completed => new BeginOutcome(BeginResult.AlreadyCompleted, checkout),
            CheckoutStatus.Completing => throw InProgress(),
            _ => throw FailureOf(checkout),
        };
    }

    /// <summary>The first request's failure, told again.</summary>
    internal static Grpc.Core.RpcException FailureOf(Checkout checkout) => checkout.FailureReason switch
    {
        OrderingErrorCodes.PaymentFailed => ContractError.FailedPrecondition(OrderingErrorCodes.PaymentFailed, "The payment was declined or could not be taken: nothing was charged and the stock was released."),
        OrderingErrorCodes.PaymentActionRequired => ContractError.FailedPrecondition(OrderingErrorCodes.PaymentActionRequired, "The payment needs your action before a checkout can complete; create a new checkout."),
        OrderingErrorCodes.InsufficientStock => ContractError.FailedPrecondition(OrderingErrorCodes.InsufficientStock, "The stock could not be committed: nothing was charged."),
        _ => ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutClosed, "This checkout failed and was undone: nothing was charged. Create a new one."),
    };

    private static bool SamePrices(CheckoutDocument a, CheckoutDocument b) =>
        a.Lines.Count == b.Lines.Count && a.Lines.Zip(b.Lines).All(x => x.First.VariantId == x.Second.VariantId && x.First.UnitPrice == x.Second.UnitPrice && x.First.Quantity == x.Second.Quantity);

    private static Grpc.Core.RpcException InProgress() =>
        ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutInProgress, "This checkout is being completed right now; retry in a moment with the same key.");

    private static Grpc.Core.RpcException Expired() =>
        ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutExpired, "The checkout expired and its stock was released: create a new one.");

    private static Grpc.Core.RpcException KeyReused() =>
        ContractError.FailedPrecondition(OrderingErrorCodes.IdempotencyKeyReused, "This idempotency key was already used with a different request.");
}
