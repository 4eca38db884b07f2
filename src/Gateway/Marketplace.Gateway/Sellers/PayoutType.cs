using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>Payout</c>: money sent to a seller.</summary>
internal sealed class PayoutType : ObjectGraphType<Payout>
{
    public PayoutType()
    {
        Name = PayoutArea.PayoutTypeName;
        Description = "Money sent to a seller: the whole available balance in one currency when a payout run found it at or above the minimum.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(PayoutArea.PayoutTypeName, c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("sellerId").Description("The seller paid (their user id, as viewer.userId).").Resolve(c => c.Source.SellerId);
        Field<NonNullGraphType<MoneyType>>("amount").Description("What is paid (positive).").Resolve(c => CatalogValues.Money(c.Source.Amount));
        Field<NonNullGraphType<PayoutStatusType>>("status").Description("PENDING until paid or failed.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<PayoutProviderType>>("provider").Description("How the money is sent.").Resolve(c => c.Source.Provider);
        Field<StringGraphType>("reference").Description("PAID: the bank transfer's reference or the Stripe transfer id; null otherwise.").Resolve(c => Empty(c.Source.Reference));
        Field<StringGraphType>("failureReason").Description("FAILED: why; null otherwise.").Resolve(c => Empty(c.Source.FailureReason));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the run created it.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<UtcDateTimeGraphType>("paidAt").Description("When it was paid; null unless PAID.").Resolve(c => c.Source.PaidAt.Length == 0 ? null : Timestamps.Parse(c.Source.PaidAt));
        Field<UtcDateTimeGraphType>("failedAt").Description("When it failed; null unless FAILED.").Resolve(c => c.Source.FailedAt.Length == 0 ? null : Timestamps.Parse(c.Source.FailedAt));
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
