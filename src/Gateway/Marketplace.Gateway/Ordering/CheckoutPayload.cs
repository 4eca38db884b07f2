using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>What checkoutCreate and checkoutComplete answer: the checkout, the order group placed, or the userErrors.</summary>
internal sealed record CheckoutPayload(Checkout? Checkout, OrderGroup? OrderGroup, IReadOnlyList<UserError> UserErrors)
{
    public static async Task<CheckoutPayload> RunAsync(Func<Task<CheckoutPayload>> call) =>
        await ContractCalls.PayloadAsync(call, errors => new CheckoutPayload(null, null, errors), notFoundField: "checkoutId");
}
