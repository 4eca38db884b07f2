using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.OpenCheckout;

/// <summary>Writes a priced, held checkout as the cart's one OPEN checkout (replacing an earlier open one).</summary>
internal sealed record OpenCheckoutCommand(Checkout Checkout) : ICommand<OpenedCheckout>;

/// <summary>The new checkout, and the stores whose holds the replaced checkout had (empty when none was replaced).</summary>
internal sealed record OpenedCheckout(Checkout Checkout, IReadOnlyList<Guid> ReplacedStoreIds);
