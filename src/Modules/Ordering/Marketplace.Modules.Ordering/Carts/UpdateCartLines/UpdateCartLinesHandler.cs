using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.UpdateCartLines;

/// <summary>
/// Under the cart's lock, sets each named line's quantity (0 removes it); a variant not in the cart is LINE_NOT_FOUND and
/// nothing changes. Prices are not asked for: a quantity change keeps the line's variant (unavailable or not).
/// </summary>
internal sealed class UpdateCartLinesHandler(OrderingDbContext db, TimeProvider clock) : ICommandHandler<UpdateCartLinesCommand, Cart>
{
    public async ValueTask<Cart> Handle(UpdateCartLinesCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var cart = await CartRows.LockOpenAsync(db, command.BuyerId, create: false, now, cancellationToken);
        var lines = cart?.Lines.ToDictionary(l => l.VariantId) ?? [];
        var violations = command.Lines
            .Select((line, i) => lines.ContainsKey(line.VariantId!.Value) ? null : new FieldViolation($"lines.{i}.variantId", "Your cart has no line for this variant.", OrderingErrorCodes.LineNotFound))
            .OfType<FieldViolation>()
            .ToList();
        if (violations.Count > 0)
            throw CartInput.Invalid(violations);

        // The last entry for a variant wins, as a client editing one field twice would expect.
        foreach (var line in command.Lines)
        {
            var existing = lines[line.VariantId!.Value];
            if (line.Quantity == 0)
            {
                cart!.Lines.Remove(existing);
                db.CartLines.Remove(existing);
            }
            else
            {
                existing.Quantity = line.Quantity;
                existing.UpdatedAt = now;
            }
        }

        cart!.Touch(now);
        return cart!;
    }
}
