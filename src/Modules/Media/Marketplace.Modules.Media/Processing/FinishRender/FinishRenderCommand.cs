using Marketplace.Modules.Media.Domain;
using Mediator;

namespace Marketplace.Modules.Media.Processing.FinishRender;

/// <summary>
/// A render of <see cref="Version"/> ended: with its result (<see cref="Rendered"/>) or a failure code and message.
/// Answers whether it was recorded (false: the version was superseded or finished meanwhile).
/// </summary>
internal sealed record FinishRenderCommand(Guid AssetId, int Version, RenderResult? Rendered, string? FailureCode, string? FailureMessage) : ICommand<bool>;

/// <summary>What a successful render stored.</summary>
internal sealed record RenderResult(
    int Width, int Height, double? DurationSeconds, string Placeholder, IReadOnlyList<StoredFile> Renditions, IReadOnlyList<StoredFile> Poster, HlsPackage? Hls);
