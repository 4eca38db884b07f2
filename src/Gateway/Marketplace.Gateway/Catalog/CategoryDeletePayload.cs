using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Catalog;

/// <summary>What <c>categoryDelete</c> answers: the deleted category's global id, or the userErrors.</summary>
internal sealed record CategoryDeletePayload(string? DeletedCategoryId, IReadOnlyList<UserError> UserErrors);
