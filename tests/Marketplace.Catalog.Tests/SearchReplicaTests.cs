using Marketplace.Catalog.Tests.Support;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Catalog.Tests;

/// <summary>
/// <c>ConnectionStrings:CatalogSearch</c> sends the search queries to a database of their own (a read replica), and
/// nothing else: this suite points it at its own database under another application name (<see cref="CatalogApp"/>), so
/// every search test runs through that path, and this one checks where the statements went.
/// </summary>
public sealed class SearchReplicaTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Searches_run_on_the_search_connection_string_and_writes_on_the_modules_own()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Replica lamp");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [listed.Id], "the product is found through the search connection");

        await using var connection = new NpgsqlConnection(app.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE application_name = @replica),
                   count(*) FILTER (WHERE application_name = @replica AND query ILIKE '%INSERT%')
            FROM pg_stat_activity WHERE datname = current_database()
            """, connection);
        command.Parameters.AddWithValue("replica", app.SearchReplicaApplication);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).Should().BePositive("the searches opened connections with the search connection string");
        reader.GetInt64(1).Should().Be(0, "the product and its search row were written through the module's own connection");
    }
}
