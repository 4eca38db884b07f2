using FluentValidation;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Stock;

namespace Marketplace.Modules.Inventory.Reservations.Reserve;

internal sealed class ReserveValidator : AbstractValidator<ReserveCommand>
{
    public ReserveValidator(InventoryOptions options)
    {
        var bounds = options.Reservations;
        RuleFor(c => c.HolderId).Reference("holder id");
        RuleFor(c => c.Lines).Lines(bounds.MaxLines, required: true);
        RuleFor(c => c.TtlSeconds)
            .Must(ttl => ttl >= bounds.MinTtl.TotalSeconds && ttl <= bounds.MaxTtl.TotalSeconds)
            .WithErrorCode(InventoryErrorCodes.InvalidTtl)
            .WithMessage($"A hold lasts {bounds.MinTtl.TotalSeconds:0} to {bounds.MaxTtl.TotalSeconds:0} seconds.");
    }
}
