using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Inventory;

/// <summary><c>InventoryMovement</c>: one change of a variant's counters (append-only).</summary>
internal sealed class InventoryMovementType : ObjectGraphType<StockMovement>
{
    public InventoryMovementType()
    {
        Name = "InventoryMovement";
        Description = "One change of a variant's stock: what, how many, why, for what and by whom. The deltas of all movements sum to the counters.";
        Field<NonNullGraphType<InventoryMovementKindType>>("kind").Description("What happened.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("Units moved (positive).").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<IntGraphType>>("onHandDelta").Description("Change of onHand.").Resolve(c => c.Source.OnHandDelta);
        Field<NonNullGraphType<IntGraphType>>("reservedDelta").Description("Change of reserved.").Resolve(c => c.Source.ReservedDelta);
        Field<NonNullGraphType<IntGraphType>>("allocatedDelta").Description("Change of allocated.").Resolve(c => c.Source.AllocatedDelta);
        Field<StringGraphType>("reason").Description("Your reason (RECEIVED, ADJUSTED), or CANCELLED/RETURNED for RESTOCKED; null otherwise.").Resolve(c => Empty(c.Source.Reason));
        Field<StringGraphType>("note").Description("Your note, if you gave one.").Resolve(c => Empty(c.Source.Note));
        Field<StringGraphType>("reference").Description("The checkout or order it was for; null for your own changes.").Resolve(c => Empty(c.Source.Reference));
        Field<NonNullGraphType<InventoryActorKindType>>("actorKind").Description("Who made the change.").Resolve(c => c.Source.ActorKind);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("occurredAt").Description("When it happened.").Resolve(c => Timestamps.Parse(c.Source.OccurredAt));
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
