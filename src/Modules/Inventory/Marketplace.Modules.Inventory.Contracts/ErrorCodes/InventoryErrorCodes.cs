using System.ComponentModel;

namespace Marketplace.Modules.Inventory.Contracts;

/// <summary>
/// The reasons the Inventory contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c> and as field-violation codes. The gateway publishes them as the <c>InventoryErrorCode</c> enum.
/// </summary>
public static class InventoryErrorCodes
{
    [Description("No such variant, or not one you may see.")]
    public const string VariantNotFound = "VARIANT_NOT_FOUND";

    [Description("A quantity is a whole number within the allowed range (see the field's description).")]
    public const string InvalidQuantity = "INVALID_QUANTITY";

    [Description("Not one of the reasons allowed for this change.")]
    public const string InvalidReason = "INVALID_REASON";

    [Description("The policy is DENY or CONTINUE.")]
    public const string InvalidPolicy = "INVALID_POLICY";

    [Description("On hand changed since you read it; reload and count again.")]
    public const string OnHandConflict = "ON_HAND_CONFLICT";

    [Description("On hand cannot go below what is reserved and allocated (or below zero).")]
    public const string OnHandBelowCommitted = "ON_HAND_BELOW_COMMITTED";

    [Description("The hold's time to live is outside the allowed range.")]
    public const string InvalidTtl = "INVALID_TTL";

    [Description("Too many lines in one request.")]
    public const string TooManyLines = "TOO_MANY_LINES";

    [Description("The holder holds nothing (its hold was released, expired or already committed).")]
    public const string NoActiveHold = "NO_ACTIVE_HOLD";

    [Description("This reference was already used for a different request.")]
    public const string ReferenceReused = "REFERENCE_REUSED";

    [Description("Nothing is allocated to this order for that variant.")]
    public const string AllocationNotFound = "ALLOCATION_NOT_FOUND";

    [Description("More than the order has left to hand over or bring back.")]
    public const string ExceedsAllocation = "EXCEEDS_ALLOCATION";

    [Description("Not enough on hand to hand this over (a backorder not yet received).")]
    public const string InsufficientOnHand = "INSUFFICIENT_ON_HAND";
}
