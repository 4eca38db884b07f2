using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>categoryCreate</c>, <c>categoryUpdate</c>, <c>categoryMove</c> and <c>categoryDelete</c>, for administrators.</summary>
internal sealed class CategoryMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CategoryPayloadType<CategoryCreate>>>("categoryCreate")
            .Description("Administrators: adds a category under parentId, or at the root (at most 5,000 categories, 8 levels deep).")
            .Argument<NonNullGraphType<CategoryCreateInputType>>("input", "The new category.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => await CategoryPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new CreateCategoryRequest
                {
                    Name = input.Text("name"),
                    Slug = input.Text("slug"),
                    ParentId = input.Id("parentId", CatalogArea.CategoryTypeName) ?? "",
                };
                if (input.WholeNumber("position") is { } position)
                    request.Position = (int)position;
                return await CatalogArea.Taxonomy(c).CreateCategoryAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<CategoryPayloadType<CategoryUpdate>>>("categoryUpdate")
            .Description("Administrators: renames, re-slugs (the subtree's paths follow) or repositions a category.")
            .Argument<NonNullGraphType<CategoryUpdateInputType>>("input", "The category and what changes.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => await CategoryPayload.RunAsync(
                async () =>
                {
                    var input = c.Input();
                    var request = new UpdateCategoryRequest { Id = input.RequiredId("id", CatalogArea.CategoryTypeName) };
                    if (input.OptionalText("name") is { } name)
                        request.Name = name;
                    if (input.OptionalText("slug") is { } slug)
                        request.Slug = slug;
                    if (input.WholeNumber("position") is { } position)
                        request.Position = (int)position;
                    return await CatalogArea.Taxonomy(c).UpdateCategoryAsync(request, cancellationToken: c.CancellationToken);
                },
                idField: "id"));

        mutation.Field<NonNullGraphType<CategoryPayloadType<CategoryMove>>>("categoryMove")
            .Description("Administrators: moves a category (with its subtree) under another parent or to the root; refuses cycles and trees deeper than 8 levels.")
            .Argument<NonNullGraphType<CategoryMoveInputType>>("input", "The category and where it goes.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => await CategoryPayload.RunAsync(
                async () =>
                {
                    var input = c.Input();
                    var request = new MoveCategoryRequest
                    {
                        Id = input.RequiredId("id", CatalogArea.CategoryTypeName),
                        ParentId = input.Id("parentId", CatalogArea.CategoryTypeName) ?? "",
                    };
                    if (input.WholeNumber("position") is { } position)
                        request.Position = (int)position;
                    return await CatalogArea.Taxonomy(c).MoveCategoryAsync(request, cancellationToken: c.CancellationToken);
                },
                idField: "id"));

        mutation.Field<NonNullGraphType<CategoryDeletePayloadType>>("categoryDelete")
            .Description("Administrators: deletes a category without children and without products.")
            .Argument<NonNullGraphType<CategoryDeleteInputType>>("input", "The category to delete.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => await ContractCalls.PayloadAsync(
                async () =>
                {
                    var id = c.Input().RequiredId("id", CatalogArea.CategoryTypeName);
                    var deleted = await CatalogArea.Taxonomy(c).DeleteCategoryAsync(new DeleteCategoryRequest { Id = id }, cancellationToken: c.CancellationToken);
                    return new CategoryDeletePayload(GlobalId.Encode(CatalogArea.CategoryTypeName, deleted.DeletedId), []);
                },
                errors => new CategoryDeletePayload(null, errors),
                notFoundField: "id"));
    }
}
