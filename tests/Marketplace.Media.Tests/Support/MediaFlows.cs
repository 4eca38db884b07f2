using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Marketplace.Media.Tests.Support;

/// <summary>A seller with an ACTIVE store: their token and ids (the store's global id and its uuid).</summary>
public sealed record SellerStore(string Token, string SellerId, string StoreId, Guid StoreUuid);

/// <summary>The upload flows as a client runs them: GraphQL for the plan and the completion, a browser-style form for the bytes.</summary>
public static class MediaFlows
{
    public const string AssetFields = """
        id purpose kind status contentType byteSize width height durationSeconds placeholder url posterUrl urlsExpireAt createdAt updatedAt readyAt
        renditions { format width height url byteSize }
        poster { format width height url }
        hls { masterPlaylistUrl cookiePath cookies { name value } rungs { name width height videoKbps } }
        failure { code message }
        """;

    public const string CreateMutation = $$"""
        mutation($i: MediaUploadCreateInput!) { mediaUploadCreate(input: $i) {
          asset { {{AssetFields}} }
          upload { method url fields { name value } partSize parts { partNumber url } expiresAt }
          userErrors { field code message retryAfterSeconds } } }
        """;

    public const string CompleteMutation = $$"""
        mutation($i: MediaUploadCompleteInput!) { mediaUploadComplete(input: $i) { asset { {{AssetFields}} } userErrors { field code message } } }
        """;

    public static async Task<SellerStore> SellerStoreAsync(this HttpClient client, IRecordsEmails app)
    {
        var (token, sellerId) = await client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var slug = Gql.NewSlug("media");
        var payload = (await client.CreateStoreAsync(token, Gql.StoreInput("Media test shop", lat, lon, slug))).Data("storeCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        var storeId = payload["store"].Text("id");
        var uuid = Guid.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(storeId)).Split(':')[1]);
        return new SellerStore(token, sellerId, storeId, uuid);
    }

    /// <summary>mediaUploadCreate's payload (asset, upload, userErrors).</summary>
    public static async Task<JsonNode> CreateUploadAsync(this HttpClient client, string? token, string purpose, string contentType, long byteSize, string? storeId = null, string? productId = null) =>
        (await client.SendAsync(CreateMutation, new { i = new { purpose, contentType, byteSize, storeId, productId } }, token)).Data("mediaUploadCreate");

    /// <summary>An upload that must be accepted: its payload.</summary>
    public static async Task<JsonNode> NewUploadAsync(this HttpClient client, SellerStore seller, string purpose, string contentType, long byteSize, string? productId = null)
    {
        var payload = await client.CreateUploadAsync(seller.Token, purpose, contentType, byteSize, productId is null ? seller.StoreId : null, productId);
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload;
    }

    /// <summary>
    /// POSTs the signed form as a browser does (multipart/form-data: the fields in order, then the file, with the file's
    /// own name, which must never matter). Answers the status and, for a refusal, its code.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string? Code)> PostFormAsync(
        this HttpClient client, JsonNode upload, byte[] file, string contentType, Func<string, string, string>? change = null, string fileName = "IMG_0001 secret name.jpg")
    {
        var content = new MultipartFormDataContent();
        foreach (var field in upload["fields"]!.AsArray())
        {
            var name = field.Text("name");
            content.Add(new StringContent(change?.Invoke(name, field.Text("value")) ?? field.Text("value")), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "file", fileName);
        var url = new Uri(upload.Text("url"));
        using var response = await client.PostAsync(url.IsLoopback && client.BaseAddress is { } b && b.Host == "localhost" ? url.PathAndQuery : url.AbsoluteUri, content);
        if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.Created)
            return (response.StatusCode, null);
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        try
        {
            code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            code = body;
        }

        return (response.StatusCode, code);
    }

    public static async Task<JsonNode> CompleteAsync(this HttpClient client, string token, string assetId, object[]? parts = null) =>
        (await client.SendAsync(CompleteMutation, new { i = new { id = assetId, parts } }, token)).Data("mediaUploadComplete");

    /// <summary>mediaAsset(id) as the given reader sees it (null when hidden or unknown).</summary>
    public static async Task<JsonNode?> AssetAsync(this HttpClient client, string assetId, string? token = null) =>
        (await client.SendAsync($"query($id: ID!) {{ mediaAsset(id: $id) {{ {AssetFields} }} }}", new { id = assetId }, token))["data"]?["mediaAsset"];

    /// <summary>Waits (bounded) until the owner sees the asset in one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(this HttpClient client, string token, string assetId, TimeSpan? timeout = null, params string[] statuses) =>
        (await Eventually.ReturnsAsync(() => client.AssetAsync(assetId, token), a => a is not null && statuses.Contains(a.Text("status")), timeout ?? TimeSpan.FromSeconds(90),
            $"asset {assetId} becomes {string.Join(" or ", statuses)}"))!;

    /// <summary>
    /// Uploads and completes a file; answers the asset once READY or FAILED, for the caller to check. (A refused file may
    /// be refused by the completion, or, when the upload endpoint's own intake was quicker, already be FAILED by then:
    /// either way the asset says why.)
    /// </summary>
    public static async Task<JsonNode> UploadAsync(this HttpClient client, SellerStore seller, string purpose, byte[] file, string contentType, string? productId = null)
    {
        var created = await client.NewUploadAsync(seller, purpose, contentType, file.Length, productId);
        var id = created["asset"].Text("id");
        (await client.PostFormAsync(created["upload"]!, file, contentType)).Status.Should().Be(HttpStatusCode.NoContent);
        var completed = await client.CompleteAsync(seller.Token, id);
        var asset = await client.WaitForStatusAsync(seller.Token, id, null, "READY", "FAILED");
        if (asset.Text("status") == "FAILED" && completed.Codes().Length > 0)
            completed.Codes().Should().Equal(asset["failure"].Text("code"));
        else
            completed.Codes().Should().BeEmpty(completed.ToJsonString());
        return asset;
    }

    /// <summary>GETs a delivery URL through the test host (its path and query; the signature covers the configured base).</summary>
    public static Task<HttpResponseMessage> DownloadAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>>? cookies = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        if (cookies is not null)
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        return client.SendAsync(request);
    }

    public static Guid Uuid(string globalId) => Guid.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1]);

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many events of <paramref name="subject"/> the Media module wrote about <paramref name="assetId"/>.</summary>
    public static Task<long> MediaEventsAsync(string connectionString, string subject, Guid assetId) =>
        ScalarAsync<long>(connectionString, "SELECT count(*) FROM media.outbox_messages WHERE subject = $1 AND payload->>'assetId' = $2", subject, assetId.ToString());
}
