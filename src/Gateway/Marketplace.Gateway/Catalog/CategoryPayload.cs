using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>What <c>categoryCreate</c>, <c>categoryUpdate</c> and <c>categoryMove</c> answer: the category after the change, or the userErrors.</summary>
internal sealed record CategoryPayload(Category? Category, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>Runs a category mutation: invalid input, broken rules and an unknown category on <paramref name="idField"/> become userErrors.</summary>
    public static async Task<CategoryPayload> RunAsync(Func<Task<Category>> call, string? idField = null) =>
        await ContractCalls.PayloadAsync(async () => new CategoryPayload(await call(), []), errors => new CategoryPayload(null, errors), idField);
}

/// <summary>Names a category mutation's input and payload types (<c>CategoryMoveInput</c>, <c>CategoryMovePayload</c>).</summary>
internal interface ICategoryMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class CategoryCreate : ICategoryMutation
{
    public static string TypePrefix => "CategoryCreate";
}

internal sealed class CategoryUpdate : ICategoryMutation
{
    public static string TypePrefix => "CategoryUpdate";
}

internal sealed class CategoryMove : ICategoryMutation
{
    public static string TypePrefix => "CategoryMove";
}
