using System.Security.Cryptography;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests;

/// <summary>
/// Text that forgives, through GraphQL: a misspelt word still finds the product (corrected against the words of the
/// catalogue's titles), ranked below products matching the text as typed; the last word also matches as a prefix (search
/// as you type); web-search syntax is matched exactly as written. Each test invents its own words, so the shared
/// dictionary of titles cannot interfere.
/// </summary>
public sealed class ForgivingSearchTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_misspelt_word_finds_the_product_and_exact_matches_rank_first()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var word = NewWord();                          // e.g. "kqzvmtro"
        var neighbour = word[..4] + Other(word[4]) + word[5..]; // one letter changed: a different word of the catalogue
        var exact = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"{Capital(word)} lamp");
        var close = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"{Capital(neighbour)} vase");
        var unrelated = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Teapot");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [exact.Id, close.Id, unrelated.Id], "all three are searchable");

        var typo = word[..3] + word[4..];              // one letter left out
        (await _client.NearAsync(lat, lon, 5, query: typo)).Ids().Should().Contain(exact.Id, "the misspelt word is corrected to the title's word")
            .And.NotContain(unrelated.Id);
        (await _client.NearAsync(lat, lon, 5, query: word)).Ids().Should().Equal([exact.Id, close.Id], "the exact match first, the one-letter neighbour forgiven below it");
        (await _client.NearAsync(lat, lon, 5, query: $"{typo} lamp")).Ids().Should().Equal([exact.Id], "every word must match, one of them corrected");
        (await _client.NearAsync(lat, lon, 5, query: word, sort: "PRICE_ASC")).Ids().Should().BeEquivalentTo([exact.Id, close.Id], "forgiveness applies to every sort");
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_while_typing()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var word = NewWord();
        var product = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"Linen {Capital(word)}");
        var other = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Linen towel");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [product.Id, other.Id], "both are searchable");

        var typed = await _client.NearAsync(lat, lon, 5, query: word[..3]);
        typed.Ids().Should().Equal([product.Id], typed.ToJsonString());
        (await _client.NearAsync(lat, lon, 5, query: $"linen {word[..5]}")).Ids().Should().Equal(product.Id);
        (await _client.NearAsync(lat, lon, 5, query: "linen")).Ids().Should().BeEquivalentTo([product.Id, other.Id]);
        (await _client.NearAsync(lat, lon, 5, query: word[..2])).Ids().Should().BeEmpty("a prefix needs three letters");
    }

    [Fact]
    public async Task Web_search_syntax_is_matched_exactly_as_written()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var word = NewWord();
        var neighbour = word[..4] + Other(word[4]) + word[5..];
        var exact = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"{Capital(word)} bowl");
        var close = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"{Capital(neighbour)} bowl");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [exact.Id, close.Id], "both are searchable");

        (await _client.NearAsync(lat, lon, 5, query: $"\"{word} bowl\"")).Ids().Should().Equal([exact.Id], "a phrase is not corrected");
        (await _client.NearAsync(lat, lon, 5, query: $"bowl -{neighbour}")).Ids().Should().Equal([exact.Id], "an exclusion is not corrected");
        (await _client.NearAsync(lat, lon, 5, query: word[..3] + "\"")).Ids().Should().BeEmpty("no prefix matching in web-search syntax");
    }

    /// <summary>Eight random lower-case letters: a word no other test (or title) uses.</summary>
    private static string NewWord() => new(Enumerable.Range(0, 8).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(26))).ToArray());

    private static char Other(char letter) => letter == 'z' ? 'a' : (char)(letter + 1);

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
