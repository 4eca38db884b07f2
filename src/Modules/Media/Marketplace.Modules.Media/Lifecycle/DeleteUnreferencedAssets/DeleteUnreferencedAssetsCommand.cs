using Mediator;

namespace Marketplace.Modules.Media.Lifecycle.DeleteUnreferencedAssets;

/// <summary>One batch of assets no store or product has shown for the grace period; answers how many were deleted.</summary>
internal sealed record DeleteUnreferencedAssetsCommand : ICommand<int>;
