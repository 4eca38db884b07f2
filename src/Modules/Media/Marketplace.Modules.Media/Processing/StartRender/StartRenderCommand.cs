using Mediator;

namespace Marketplace.Modules.Media.Processing.StartRender;

/// <summary>The render job claims an asset's version: null when that version is not waiting (done, superseded, gone).</summary>
internal sealed record StartRenderCommand(Guid AssetId, int Version) : ICommand<RenderClaim?>;

/// <summary>What the job needs to render, and how many times this version was claimed (this claim included).</summary>
internal sealed record RenderClaim(Guid AssetId, int Version, string Kind, string Purpose, string RawKey, string ContentType, int Attempts);
