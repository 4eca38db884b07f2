using Grpc.Core;
using Marketplace.Modules.Ordering.Checkouts.BeginCompletion;
using Marketplace.Modules.Ordering.Checkouts.FailCompletion;
using Marketplace.Modules.Ordering.Checkouts.PlaceOrders;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Orders;
using Marketplace.Modules.Ordering.Orders.GetOrderGroup;
using Marketplace.Modules.Ordering.Payments;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Checkouts.CompleteCheckout;

/// <summary>
/// The sequence (docs/ordering.md): <see cref="BeginCompletionCommand"/> (key, state, prices again, total; COMPLETING
/// committed); authorise the payment (declined: <see cref="FailCompletionCommand"/>, the hold
/// released); commit each store's hold to its order id (failure: the payment voided, the stock given back); then
/// <see cref="PlaceOrdersCommand"/>. A process that dies between these steps leaves a COMPLETING checkout that
/// <c>RecoverCompletionsJob</c> undoes; one that dies after the last step has placed the orders, and the retry with the
/// same key answers them.
/// </summary>
internal sealed class CompleteCheckoutHandler(
    ISender mediator,
    StockHolds holds,
    PaymentProviders payments,
    OrderingOptions options,
    CrashPoints crashPoints,
    TimeProvider clock,
    ILogger<CompleteCheckoutHandler> logger) : IRequestHandler<CompleteCheckoutCommand, OrderGroupView>
{
    public async ValueTask<OrderGroupView> Handle(CompleteCheckoutCommand command, CancellationToken cancellationToken)
    {
        var viewer = new Viewer(command.BuyerId, false);
        var outcome = await mediator.Send(
            new BeginCompletionCommand(command.BuyerId, command.CheckoutId!.Value, command.IdempotencyKey, command.RequestHash(), command.ExpectedTotal!.Value), cancellationToken);
        var checkout = outcome.Checkout;
        switch (outcome.Result)
        {
            case BeginResult.AlreadyCompleted:
                return (await mediator.Send(new GetOrderGroupQuery(viewer, checkout.OrderGroupId!.Value), cancellationToken))!;
            case BeginResult.Expired:
                await holds.ReleaseAsync(checkout.CartId, Json.Read<CheckoutDocument>(checkout.Document).Stores.Select(s => s.Store.Id), CancellationToken.None);
                throw ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutExpired, "The checkout expired and its stock was released: create a new one.");
            case BeginResult.PriceChanged:
                throw ContractError.FailedPrecondition(
                    OrderingErrorCodes.PriceChanged,
                    $"Prices changed: the total is now {Currencies.Format(checkout.Total, checkout.CurrencyCode)} {checkout.CurrencyCode}. Nothing was charged; complete again with the new total.");
        }

        // COMPLETING is committed: from here every failure is undone, and nothing below may be cancelled halfway by the
        // client going away (a cancelled request would leave the work to the recovery job).
        var document = Json.Read<CheckoutDocument>(checkout.Document);
        var orderIds = Json.Read<Dictionary<Guid, Guid>>(checkout.OrderIds!);
        var provider = payments.Get(checkout.PaymentMethod);
        PaymentAuthorization authorization;
        try
        {
            await RenewHoldIfEndingAsync(checkout, document);
            authorization = await provider.AuthorizeAsync(new PaymentRequest(checkout.Id, checkout.BuyerId, checkout.Total, checkout.CurrencyCode, null), checkout.PaymentIntentId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Checkout {CheckoutId}: the payment could not be authorised", checkout.Id);
            authorization = new PaymentAuthorization(PaymentOutcome.Declined, "", "error");
        }

        if (authorization.Outcome != PaymentOutcome.Authorized)
        {
            var reason = authorization.Outcome == PaymentOutcome.ActionRequired ? OrderingErrorCodes.PaymentActionRequired : OrderingErrorCodes.PaymentFailed;
            await mediator.Send(new FailCompletionCommand(checkout.Id, reason), CancellationToken.None);
            throw BeginCompletionHandler.FailureOf(new Checkout { FailureReason = reason });
        }

        crashPoints.Reached(CrashPoints.PaymentAuthorized);
        try
        {
            foreach (var store in document.Stores)
                await holds.CommitAsync(checkout.CartId, store.Store.Id, orderIds[store.Store.Id], CancellationToken.None);
        }
        catch (RpcException e)
        {
            logger.LogWarning(e, "Checkout {CheckoutId}: the stock hold could not be committed", checkout.Id);
            await mediator.Send(new FailCompletionCommand(checkout.Id, OrderingErrorCodes.InsufficientStock), CancellationToken.None);
            throw BeginCompletionHandler.FailureOf(new Checkout { FailureReason = OrderingErrorCodes.InsufficientStock });
        }

        crashPoints.Reached(CrashPoints.StockCommitted);
        OrderGroupView placed;
        try
        {
            placed = await mediator.Send(new PlaceOrdersCommand(checkout.Id, authorization.OrderPaymentStatus), CancellationToken.None);
        }
        catch (Exception e) when (e is not RpcException)
        {
            logger.LogError(e, "Checkout {CheckoutId}: the orders could not be written; undoing", checkout.Id);
            await mediator.Send(new FailCompletionCommand(checkout.Id, "ORDERS_NOT_WRITTEN"), CancellationToken.None);
            throw;
        }

        crashPoints.Reached(CrashPoints.OrdersWritten);
        return placed;
    }

    /// <summary>A hold that ends before the payment call could is renewed first (its own units are free to it).</summary>
    private async Task RenewHoldIfEndingAsync(Checkout checkout, CheckoutDocument document)
    {
        if (checkout.ExpiresAt - clock.GetUtcNow() > options.Checkout.RenewHoldWithin)
            return;
        var (_, shortLines) = await holds.ReserveAsync(checkout.CartId, document.Lines, options.Checkout.RenewHoldWithin * 2, CancellationToken.None);
        if (shortLines.Count > 0)
            throw new InvalidOperationException("The hold could not be renewed.");
    }
}
