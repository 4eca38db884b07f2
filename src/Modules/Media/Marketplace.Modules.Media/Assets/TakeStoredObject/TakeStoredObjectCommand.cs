using Mediator;

namespace Marketplace.Modules.Media.Assets.TakeStoredObject;

/// <summary>
/// Storage says an object was created in the raw area: an S3 event notification (through SQS, what a Lambda trigger
/// would receive) or the local upload endpoint after a form upload. The key is the asset's raw key.
/// </summary>
internal sealed record TakeStoredObjectCommand(string Key) : ICommand<CompletedUpload?>;
