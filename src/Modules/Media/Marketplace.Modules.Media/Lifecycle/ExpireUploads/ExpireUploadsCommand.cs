using Mediator;

namespace Marketplace.Modules.Media.Lifecycle.ExpireUploads;

/// <summary>One batch of PENDING uploads whose form or part URLs expired (plus the margin); answers how many expired.</summary>
internal sealed record ExpireUploadsCommand : ICommand<int>;
