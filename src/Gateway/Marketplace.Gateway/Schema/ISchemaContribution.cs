using GraphQL.Types;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// One area's part of the schema (e.g. <c>Catalog/CatalogContribution.cs</c>): it adds fields to the root types
/// and may name extra types. Areas register with <see cref="SchemaContributionExtensions.AddSchemaContribution{T}"/>,
/// so a new module's fields never require editing a central file.
/// </summary>
public interface ISchemaContribution
{
    void ConfigureQuery(ObjectGraphType query)
    {
    }

    void ConfigureMutation(ObjectGraphType mutation)
    {
    }

    void ConfigureSubscription(ObjectGraphType subscription)
    {
    }

    /// <summary>Types not reachable from a root field (e.g. implementations of <c>Node</c> only reached through <c>node(id:)</c>).</summary>
    IEnumerable<Type> AdditionalTypes => [];
}

public static class SchemaContributionExtensions
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddSchemaContribution<T>(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        where T : class, ISchemaContribution
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<ISchemaContribution, T>(services);
        return services;
    }
}
