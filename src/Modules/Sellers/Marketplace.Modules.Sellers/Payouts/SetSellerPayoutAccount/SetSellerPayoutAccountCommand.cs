using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.SetSellerPayoutAccount;

/// <summary>An administrator records the Stripe connected account a seller is paid to (empty: none, payouts are manual).</summary>
internal sealed record SetSellerPayoutAccountCommand(Guid AdminId, Guid? SellerId, string StripeAccountId) : ICommand<PayoutAccountView>;

internal sealed record PayoutAccountView(Guid SellerId, string StripeAccountId);
