using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Modules.Ordering.Pricing;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.AddCartLines;

/// <summary>
/// Asks Catalog (as the buyer) for the variants first: one that is unknown or not on sale is refused, and the first
/// line's currency becomes the cart's. Then, under the cart's lock, merges the lines: a variant already in the cart adds to
/// its quantity, within 99 per line and 100 lines per cart. All lines or none.
/// </summary>
internal sealed class AddCartLinesHandler(OrderingDbContext db, VariantCatalog catalog, TimeProvider clock) : ICommandHandler<AddCartLinesCommand, Cart>
{
    public async ValueTask<Cart> Handle(AddCartLinesCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var variants = await catalog.GetAsync(command.Lines.Select(l => l.VariantId!.Value), cancellationToken);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            if (!variants.ContainsKey(command.Lines[i].VariantId!.Value))
                violations.Add(new($"lines.{i}.variantId", "No such variant, or it is not on sale.", OrderingErrorCodes.VariantNotFound));
        }

        if (violations.Count > 0)
            throw CartInput.Invalid(violations);

        var cart = (await CartRows.LockOpenAsync(db, command.BuyerId, create: true, now, cancellationToken))!;
        var currency = cart.CurrencyCode ?? variants[command.Lines[0].VariantId!.Value].CurrencyCode;
        var lines = cart.Lines.ToDictionary(l => l.VariantId);
        var added = new Dictionary<Guid, int>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var (variantId, quantity) = (command.Lines[i].VariantId!.Value, command.Lines[i].Quantity);
            var variant = variants[variantId];
            if (variant.CurrencyCode != currency)
            {
                violations.Add(new($"lines.{i}.variantId", $"This cart is in {currency}; this variant is priced in {variant.CurrencyCode}.", OrderingErrorCodes.CurrencyMismatch));
                continue;
            }

            var total = (lines.TryGetValue(variantId, out var existing) ? existing.Quantity : 0) + added.GetValueOrDefault(variantId) + quantity;
            if (total > OrderingRules.MaxQuantity)
                violations.Add(new($"lines.{i}.quantity", $"A line holds at most {OrderingRules.MaxQuantity}; this one would hold {total}.", OrderingErrorCodes.QuantityLimit));
            else
                added[variantId] = added.GetValueOrDefault(variantId) + quantity;
        }

        var distinct = lines.Keys.Union(added.Keys).Count();
        if (violations.Count == 0 && distinct > OrderingRules.MaxLines)
            violations.Add(new("lines", $"A cart holds at most {OrderingRules.MaxLines} different variants; this would make {distinct}.", OrderingErrorCodes.TooManyLines));
        if (violations.Count > 0)
            throw CartInput.Invalid(violations);

        var position = cart.Lines.Count == 0 ? 0 : cart.Lines.Max(l => l.Position) + 1;
        // In the order the request names them (a variant named twice takes its first place).
        foreach (var (variantId, quantity) in command.Lines.Select(l => l.VariantId!.Value).Distinct().Where(added.ContainsKey).Select(v => (v, added[v])))
        {
            if (lines.TryGetValue(variantId, out var line))
            {
                line.Quantity += quantity;
                line.UpdatedAt = now;
                continue;
            }

            var variant = variants[variantId];
            var created = new CartLine
            {
                CartId = cart.Id,
                VariantId = variantId,
                ProductId = Guid.Parse(variant.Product.Id),
                StoreId = Guid.Parse(variant.Product.StoreId),
                Quantity = quantity,
                Position = position++,
                AddedAt = now,
                UpdatedAt = now,
            };
            cart.Lines.Add(created);
            db.CartLines.Add(created);
        }

        cart.CurrencyCode = currency;
        cart.Touch(now);
        return cart;
    }
}
