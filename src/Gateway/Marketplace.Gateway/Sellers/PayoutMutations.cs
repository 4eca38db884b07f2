using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using ContractMoney = Marketplace.Shared.Contracts.V1.Money;

namespace Marketplace.Gateway.Sellers;

/// <summary>
/// The administrators' payout mutations (docs/payouts.md): <c>payoutRunStart</c>, <c>payoutMarkPaid</c>,
/// <c>payoutMarkFailed</c>, <c>ledgerAdjust</c>, <c>storeCommissionRateSet</c>, <c>sellerPayoutAccountSet</c>. Anyone
/// else gets FORBIDDEN and nothing changes.
/// </summary>
internal sealed class PayoutMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        Add<PayoutRunStart, ListGraphType<NonNullGraphType<PayoutType>>, List<Payout>, PayoutRunStartInputType>(mutation, "payoutRunStart",
            "Administrators: a payout run now (besides the weekly one): one payout per seller and currency whose available balance reaches the minimum. Running it twice, or on two hosts at once, pays each balance once.",
            "Which balances to pay; every currency when left out.", required: false, idField: "currencyCode",
            async c => (await PayoutArea.Payouts(c).StartPayoutRunAsync(
                new StartPayoutRunRequest { CurrencyCode = c.Input().Text("currencyCode") }, cancellationToken: c.CancellationToken)).Payouts.ToList());

        Add<PayoutMarkPaid, PayoutType, Payout, PayoutMarkPaidInputType>(mutation, "payoutMarkPaid",
            "Administrators: a PENDING manual payout was paid. PAID or FAILED payouts, and Stripe payouts, are refused (PAYOUT_NOT_PENDING, PAYOUT_NOT_MANUAL).",
            "The payout and the payment's reference.", required: true, idField: "payoutId",
            async c => await PayoutArea.Payouts(c).MarkPayoutPaidAsync(
                new MarkPayoutPaidRequest { PayoutId = c.Input().RequiredId("payoutId", PayoutArea.PayoutTypeName), Reference = c.Input().Text("reference") },
                cancellationToken: c.CancellationToken));

        Add<PayoutMarkFailed, PayoutType, Payout, PayoutMarkFailedInputType>(mutation, "payoutMarkFailed",
            "Administrators: a PENDING manual payout failed: FAILED, and a PAYOUT_FAILED entry gives the amount back to the seller's available balance. A PAID payout cannot fail (PAYOUT_NOT_PENDING).",
            "The payout and why it failed.", required: true, idField: "payoutId",
            async c => await PayoutArea.Payouts(c).MarkPayoutFailedAsync(
                new MarkPayoutFailedRequest { PayoutId = c.Input().RequiredId("payoutId", PayoutArea.PayoutTypeName), Reason = c.Input().Text("reason") },
                cancellationToken: c.CancellationToken));

        Add<LedgerAdjust, LedgerEntryType, LedgerEntry, LedgerAdjustInputType>(mutation, "ledgerAdjust",
            "Administrators: adds an ADJUSTMENT entry (± amount, available at once) to a seller's ledger, with a reason. An unknown seller is SELLER_NOT_FOUND.",
            "The seller, the signed amount and why.", required: true, idField: "sellerId",
            async c =>
            {
                var input = c.Input();
                return await PayoutArea.Payouts(c).AdjustLedgerAsync(
                    new AdjustLedgerRequest
                    {
                        SellerId = SellerId(input),
                        Amount = new ContractMoney { Amount = input.Amount("amount")?.ToString(CultureInfo.InvariantCulture) ?? "", CurrencyCode = input.Text("currencyCode") },
                        Reason = input.Text("reason"),
                        IdempotencyKey = input.Text("idempotencyKey"),
                    },
                    cancellationToken: c.CancellationToken);
            });

        Add<StoreCommissionRateSet, StoreCommissionRateType, StoreCommissionRate, StoreCommissionRateSetInputType>(mutation, "storeCommissionRateSet",
            "Administrators: a store's own commission rate (0 to 1, at most 4 decimals), or null to go back to the default. Applies to orders booked from now on.",
            "The store and its rate.", required: true, idField: "storeId",
            async c =>
            {
                var input = c.Input();
                var request = new SetStoreCommissionRateRequest { StoreId = input.RequiredId("storeId", SellersArea.StoreTypeName) };
                if (!input.Has("rate"))
                    throw new InputError("input.rate", CommonErrorCodes.Required, "Give the rate, or null to go back to the default.");
                if (input.Amount("rate") is { } rate)
                    request.Rate = rate.ToString(CultureInfo.InvariantCulture);
                return await PayoutArea.Payouts(c).SetStoreCommissionRateAsync(request, cancellationToken: c.CancellationToken);
            });

        Add<SellerPayoutAccountSet, SellerPayoutAccountType, SellerPayoutAccount, SellerPayoutAccountSetInputType>(mutation, "sellerPayoutAccountSet",
            "Administrators: the Stripe connected account a seller's payouts go to (created from now on), or null for manual payouts.",
            "The seller and their account.", required: true, idField: "sellerId",
            async c => await PayoutArea.Payouts(c).SetSellerPayoutAccountAsync(
                new SetSellerPayoutAccountRequest { SellerId = SellerId(c.Input()), StripeAccountId = c.Input().Text("stripeAccountId") },
                cancellationToken: c.CancellationToken));
    }

    /// <summary>A seller is named by their user id (a UUID, as <c>viewer.userId</c>): anything else is INVALID_ID.</summary>
    private static string SellerId(InputObject input) =>
        Guid.TryParse(input.Text("sellerId"), out var id) ? id.ToString() : throw new InputError("input.sellerId", CommonErrorCodes.InvalidId, "This is not a user id.");

    private static void Add<TMutation, TValueType, TValue, TInput>(
        ObjectGraphType mutation, string name, string description, string inputDescription, bool required, string idField, Func<IResolveFieldContext, Task<TValue>> call)
        where TMutation : IPayoutMutation
        where TValueType : IGraphType
        where TInput : IInputObjectGraphType
    {
        var field = mutation.Field<NonNullGraphType<PayoutPayloadType<TMutation, TValueType, TValue>>>(name).Description(description);
        if (required)
            field.Argument<NonNullGraphType<TInput>>("input", inputDescription);
        else
            field.Argument<TInput>("input", inputDescription);
        field.RequireRoles(Roles.Admin).ResolveAsync(async c => await PayoutPayload.RunAsync(async () => await call(c), idField));
    }
}
