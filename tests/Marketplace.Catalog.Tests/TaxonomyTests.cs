using System.Text.Json.Nodes;
using Marketplace.Catalog.Tests.Support;

namespace Marketplace.Catalog.Tests;

/// <summary>The category tree: administrators change it (paths follow, cycles refused, used categories kept), everyone reads it.</summary>
public sealed class TaxonomyTests(CatalogApp app)
{
    private const string Create = "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id slug path position parent { slug } } userErrors { field code message } } }";
    private const string Move = "mutation($i: CategoryMoveInput!) { categoryMove(input: $i) { category { id path parent { slug } } userErrors { field code message } } }";
    private const string Update = "mutation($i: CategoryUpdateInput!) { categoryUpdate(input: $i) { category { id slug path name position } userErrors { field code message } } }";
    private const string Delete = "mutation($i: CategoryDeleteInput!) { categoryDelete(input: $i) { deletedCategoryId userErrors { field code message } } }";
    private const string BySlug = "query($s: String!) { category(slug: $s) { id name slug path position parent { slug } children { slug path } } }";

    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonNode> BySlugAsync(string slug) => (await _client.SendAsync(BySlug, new { s = slug })).Data("category");

    [Fact]
    public async Task A_tree_is_built_with_paths_and_read_by_everyone_in_position_order()
    {
        var admin = app.AdminToken();
        var home = CatalogFlows.NewSlug("home");
        var kitchen = CatalogFlows.NewSlug("kitchen");
        var knives = CatalogFlows.NewSlug("knives");
        var homeId = await _client.CategoryAsync(app, slug: home, name: "Home");
        var kitchenId = await _client.CategoryAsync(app, homeId, kitchen, "Kitchen");
        await _client.CategoryAsync(app, kitchenId, knives, "Knives");
        var first = (await _client.SendAsync(Create, new { i = new { name = "Bath", slug = CatalogFlows.NewSlug("bath"), parentId = homeId, position = -1 } }, admin)).Data("categoryCreate");
        first.Codes().Should().BeEmpty(first.ToJsonString());

        var knife = await BySlugAsync(knives);
        knife.Text("path").Should().Be($"{home}/{kitchen}/{knives}");
        knife["parent"].Text("slug").Should().Be(kitchen);
        var homeNode = await BySlugAsync(home);
        homeNode["children"]!.AsArray().Select(c => c.Text("slug")).Should().Equal(first["category"].Text("slug"), kitchen);

        // The whole tree: roots, then children by position, for a visitor without a token.
        var roots = (await _client.SendAsync("{ categories { slug children { slug children { slug } } } }")).Data("categories").AsArray();
        var root = roots.Single(r => r.Text("slug") == home);
        root!["children"]![1]!["children"]![0].Text("slug").Should().Be(knives);

        // node(id:) reaches categories too.
        var node = (await _client.SendAsync("query($i: ID!) { node(id: $i) { ... on Category { slug } } }", new { i = kitchenId })).Data("node");
        node.Text("slug").Should().Be(kitchen);
    }

    [Fact]
    public async Task Moving_a_category_rewrites_its_subtree_paths_and_cycles_are_refused()
    {
        var admin = app.AdminToken();
        var (a, b, c, d) = (CatalogFlows.NewSlug("a"), CatalogFlows.NewSlug("b"), CatalogFlows.NewSlug("c"), CatalogFlows.NewSlug("d"));
        var aId = await _client.CategoryAsync(app, slug: a);
        var bId = await _client.CategoryAsync(app, aId, b);
        var cId = await _client.CategoryAsync(app, bId, c);
        var dId = await _client.CategoryAsync(app, slug: d);

        // Under itself or its own descendant: refused, nothing moves.
        foreach (var target in new[] { aId, cId })
        {
            var refused = (await _client.SendAsync(Move, new { i = new { id = aId, parentId = target } }, admin)).Data("categoryMove");
            refused.Codes().Should().Equal("CATEGORY_CYCLE");
            refused.Fields().Should().Equal("input.parentId");
        }

        (await BySlugAsync(c)).Text("path").Should().Be($"{a}/{b}/{c}");

        var moved = (await _client.SendAsync(Move, new { i = new { id = bId, parentId = dId } }, admin)).Data("categoryMove");
        moved.Codes().Should().BeEmpty(moved.ToJsonString());
        moved["category"].Text("path").Should().Be($"{d}/{b}");
        (await BySlugAsync(c)).Text("path").Should().Be($"{d}/{b}/{c}");
        (await BySlugAsync(a))["children"]!.AsArray().Should().BeEmpty();

        // To the root.
        var rooted = (await _client.SendAsync(Move, new { i = new { id = bId, parentId = (string?)null } }, admin)).Data("categoryMove");
        rooted["category"]!["parent"].Should().BeNull();
        (await BySlugAsync(c)).Text("path").Should().Be($"{b}/{c}");
    }

    [Fact]
    public async Task A_new_slug_rewrites_descendant_paths_and_a_taken_or_invalid_slug_is_refused()
    {
        var admin = app.AdminToken();
        var (parent, child) = (CatalogFlows.NewSlug("p"), CatalogFlows.NewSlug("ch"));
        var parentId = await _client.CategoryAsync(app, slug: parent);
        await _client.CategoryAsync(app, parentId, child);
        var renamed = CatalogFlows.NewSlug("renamed");

        var updated = (await _client.SendAsync(Update, new { i = new { id = parentId, slug = renamed, name = "Renamed", position = 7 } }, admin)).Data("categoryUpdate");

        updated.Codes().Should().BeEmpty(updated.ToJsonString());
        updated["category"].Text("path").Should().Be(renamed);
        updated["category"]!["position"]!.GetValue<int>().Should().Be(7);
        (await BySlugAsync(child)).Text("path").Should().Be($"{renamed}/{child}");

        var taken = (await _client.SendAsync(Update, new { i = new { id = parentId, slug = child } }, admin)).Data("categoryUpdate");
        taken.Codes().Should().Equal("SLUG_TAKEN");
        taken.Fields().Should().Equal("input.slug");
        var duplicate = (await _client.SendAsync(Create, new { i = new { name = "Again", slug = child.ToUpperInvariant() } }, admin)).Data("categoryCreate");
        duplicate.Codes().Should().Equal("SLUG_TAKEN");
        var invalid = (await _client.SendAsync(Create, new { i = new { name = "", slug = "Not a slug" } }, admin)).Data("categoryCreate");
        invalid.Codes().Should().BeEquivalentTo("REQUIRED", "INVALID_SLUG");
        invalid.Fields().Should().BeEquivalentTo("input.name", "input.slug");
        var orphan = (await _client.SendAsync(Create, new { i = new { name = "Orphan", slug = CatalogFlows.NewSlug("o"), parentId = "not-an-id" } }, admin)).Data("categoryCreate");
        orphan.Codes().Should().Equal("INVALID_ID");
    }

    [Fact]
    public async Task Delete_is_refused_while_children_or_products_use_the_category()
    {
        var admin = app.AdminToken();
        var parentId = await _client.CategoryAsync(app);
        var childId = await _client.CategoryAsync(app, parentId);
        var shop = await _client.SellerStoreAsync(app);
        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, childId));

        var withChildren = (await _client.SendAsync(Delete, new { i = new { id = parentId } }, admin)).Data("categoryDelete");
        withChildren.Codes().Should().Equal("CATEGORY_HAS_CHILDREN");
        var withProducts = (await _client.SendAsync(Delete, new { i = new { id = childId } }, admin)).Data("categoryDelete");
        withProducts.Codes().Should().Equal("CATEGORY_IN_USE");
        withProducts.Fields().Should().Equal("input.id");

        // Archived products still hold their category; moving the product elsewhere frees it.
        var other = await _client.CategoryAsync(app);
        var moved = (await _client.SendAsync(CatalogFlows.UpdateMutation, new { i = new { id = product.Text("id"), categoryId = other } }, shop.Token)).Data("productUpdate");
        moved.Codes().Should().BeEmpty(moved.ToJsonString());
        (await _client.SendAsync(Delete, new { i = new { id = childId } }, admin)).Data("categoryDelete")["deletedCategoryId"]!.GetValue<string>().Should().Be(childId);
        (await _client.SendAsync(Delete, new { i = new { id = parentId } }, admin)).Data("categoryDelete").Codes().Should().BeEmpty();
        (await _client.SendAsync("query($i: ID!) { node(id: $i) { id } }", new { i = parentId }))["data"]!["node"].Should().BeNull();
    }

    [Fact]
    public async Task Only_administrators_change_the_taxonomy()
    {
        var (seller, _) = await _client.SellerAsync(app);
        var buyer = await _client.BuyerAsync();
        var slug = CatalogFlows.NewSlug("forbidden");

        var asSeller = await _client.SendAsync(Create, new { i = new { name = "Nope", slug } }, seller);
        var asBuyer = await _client.SendAsync(Create, new { i = new { name = "Nope", slug } }, buyer);
        var asNobody = await _client.SendAsync(Create, new { i = new { name = "Nope", slug } });

        asSeller.ErrorCodes().Should().Contain("FORBIDDEN");
        asBuyer.ErrorCodes().Should().Contain("FORBIDDEN");
        asNobody.ErrorCodes().Should().Contain("UNAUTHENTICATED");
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.categories WHERE slug = $1", slug)).Should().Be(0);
    }

    [Fact]
    public async Task Unknown_category_is_null()
    {
        var body = await _client.SendAsync(BySlug, new { s = CatalogFlows.NewSlug("missing") });
        body["data"]!["category"].Should().BeNull(body.ToJsonString());
        var byId = await _client.SendAsync("query($i: ID!) { category(id: $i) { id } }", new { i = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Category:{Guid.NewGuid()}")) });
        byId["errors"].Should().BeNull(byId.ToJsonString());
        byId["data"]!["category"].Should().BeNull();
    }

    [Fact]
    public async Task Category_takes_exactly_one_of_id_and_slug_and_refuses_a_foreign_id()
    {
        var slug = CatalogFlows.NewSlug("either");
        var id = await _client.CategoryAsync(app, slug: slug);
        var shop = await _client.SellerStoreAsync(app);

        (await _client.SendAsync("query($i: ID!) { category(id: $i) { slug } }", new { i = id })).Data("category").Text("slug").Should().Be(slug);
        foreach (var (query, variables) in new (string, object?)[]
        {
            ("query($i: ID!, $s: String!) { category(id: $i, slug: $s) { slug } }", new { i = id, s = slug }),
            ("{ category { slug } }", null),
            ("query($i: ID!) { category(id: $i) { slug } }", new { i = shop.StoreId }),
            ("query($i: ID!) { category(id: $i) { slug } }", new { i = "not-an-id" }),
        })
        {
            var body = await _client.SendAsync(query, variables);
            body.ErrorCodes().Should().Equal(["BAD_USER_INPUT"], body.ToJsonString());
            body["errors"]![0]!["extensions"]!["fieldViolations"]![0].Text("field").Should().Be("id");
        }
    }
}
