using Grpc.Core;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>Loading and locking product rows, and the errors that go with them.</summary>
internal static class ProductRows
{
    /// <summary>A product id as text: anything that is not a UUID names no product.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var productId) ? productId : throw NotFound();

    public static RpcException NotFound() => ContractError.NotFound(Codes.ProductNotFound, "You have no product with this id.");

    public static RpcException NotStoreOwner() => Invalid("storeId", Codes.NotStoreOwner, "You run no store with this id.");

    public static RpcException Invalid(string field, string code, string message) =>
        ContractError.InvalidArgument(code, message, [new FieldViolation(field, message, code)]);

    /// <summary>Several fields at fault at once (the reason is <c>INVALID_INPUT</c>, as the validation pipeline reports).</summary>
    public static RpcException Invalid(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 1
            ? ContractError.InvalidArgument(violations[0].Code, violations[0].Message, violations)
            : ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The product is not valid.", violations);

    /// <summary>
    /// Locks the product's row for the command's transaction and loads it with its variants, for the seller who runs its
    /// store (asked of the Sellers contract). Unknown ids and products of stores the seller does not run read alike
    /// (<c>PRODUCT_NOT_FOUND</c>): a seller learns nothing about others' drafts.
    /// </summary>
    public static async Task<ProductEntity> LockOwnedAsync(this CatalogDbContext db, StoreAccess stores, Guid productId, Guid sellerId, CancellationToken cancellationToken)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT store_id AS \"Value\" FROM catalog.products WHERE id = {productId} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0 || !await stores.IsOwnerAsync(locked[0], sellerId, cancellationToken))
            throw NotFound();
        return await db.Products.Include(p => p.Variants).FirstAsync(p => p.Id == productId, cancellationToken);
    }

    /// <summary>The category id a request names, when such a category exists; null otherwise.</summary>
    public static async Task<Guid?> CategoryIdAsync(this CatalogDbContext db, string categoryId, CancellationToken cancellationToken) =>
        Guid.TryParse(categoryId, out var id) && await db.Categories.AnyAsync(c => c.Id == id, cancellationToken) ? id : null;

    public static FieldViolation UnknownCategory() => new("categoryId", "There is no category with this id.", Codes.UnknownCategory);
}
