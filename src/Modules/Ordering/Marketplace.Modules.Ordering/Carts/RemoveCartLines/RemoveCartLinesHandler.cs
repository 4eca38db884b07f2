using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.RemoveCartLines;

/// <summary>Under the cart's lock, removes the named lines; a variant not in the cart is LINE_NOT_FOUND and nothing changes.</summary>
internal sealed class RemoveCartLinesHandler(OrderingDbContext db, TimeProvider clock) : ICommandHandler<RemoveCartLinesCommand, Cart>
{
    public async ValueTask<Cart> Handle(RemoveCartLinesCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var cart = await CartRows.LockOpenAsync(db, command.BuyerId, create: false, now, cancellationToken);
        var lines = cart?.Lines.ToDictionary(l => l.VariantId) ?? [];
        var violations = command.VariantIds
            .Select((id, i) => lines.ContainsKey(id!.Value) ? null : new FieldViolation($"variantIds.{i}", "Your cart has no line for this variant.", OrderingErrorCodes.LineNotFound))
            .OfType<FieldViolation>()
            .ToList();
        if (violations.Count > 0)
            throw CartInput.Invalid(violations);

        foreach (var id in command.VariantIds.Distinct())
        {
            var line = lines[id!.Value];
            cart!.Lines.Remove(line);
            db.CartLines.Remove(line);
        }

        cart!.Touch(now);
        return cart!;
    }
}
