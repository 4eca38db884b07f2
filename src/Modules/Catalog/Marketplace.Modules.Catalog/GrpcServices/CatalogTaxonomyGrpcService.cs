using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Taxonomy;
using Marketplace.Modules.Catalog.Taxonomy.CreateCategory;
using Marketplace.Modules.Catalog.Taxonomy.DeleteCategory;
using Marketplace.Modules.Catalog.Taxonomy.GetCategories;
using Marketplace.Modules.Catalog.Taxonomy.GetCategory;
using Marketplace.Modules.Catalog.Taxonomy.ListCategories;
using Marketplace.Modules.Catalog.Taxonomy.MoveCategory;
using Marketplace.Modules.Catalog.Taxonomy.UpdateCategory;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Catalog.GrpcServices;

/// <summary>
/// The <c>CatalogTaxonomy</c> contract: administrators change the category tree, anyone reads it. Each method checks who
/// is calling, sends one use case and maps its result.
/// </summary>
internal sealed class CatalogTaxonomyGrpcService(ISender mediator) : CatalogTaxonomy.CatalogTaxonomyBase
{
    public override async Task<Category> CreateCategory(CreateCategoryRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(CreateCategoryCommand.From(adminId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Category> UpdateCategory(UpdateCategoryRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(UpdateCategoryCommand.From(adminId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Category> MoveCategory(MoveCategoryRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(MoveCategoryCommand.From(adminId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<DeleteCategoryResponse> DeleteCategory(DeleteCategoryRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        var deleted = await mediator.Send(new DeleteCategoryCommand(adminId, CategoryRows.ParseId(request.Id)), context.CancellationToken);
        return new DeleteCategoryResponse { DeletedId = deleted.ToString() };
    }

    // The taxonomy is public: anyone, anonymous included, reads it.
    public override async Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context) =>
        new() { Categories = { (await mediator.Send(new ListCategoriesQuery(), context.CancellationToken)).ToContract() } };

    public override async Task<Category> GetCategory(GetCategoryRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetCategoryQuery(request.Id, request.Slug), context.CancellationToken) ?? throw CategoryRows.NotFound()).ToContract();

    public override async Task<ListCategoriesResponse> GetCategories(GetCategoriesRequest request, ServerCallContext context) =>
        new() { Categories = { (await mediator.Send(new GetCategoriesQuery(request.Ids), context.CancellationToken)).ToContract() } };
}
