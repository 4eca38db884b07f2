using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media.Delivery;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Marketplace.Media.Tests;

/// <summary>
/// The whole upload path through the host in local-disk mode, as clients run it: mediaUploadCreate, a browser-style
/// multipart form POST to the signed form, mediaUploadComplete, then the renditions through signed delivery URLs.
/// </summary>
public sealed class UploadFlowTests(MediaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Given_a_12_MP_photo_Then_the_form_upload_becomes_six_avif_and_six_webp_oriented_and_without_metadata()
    {
        var seller = await _client.SellerStoreAsync(app);
        var photo = TestImages.Jpeg(4032, 3024, orientation: 6, withGps: true);

        var created = await _client.NewUploadAsync(seller, "PRODUCT_IMAGE", "image/jpeg", photo.Length);
        var upload = created["upload"]!;
        upload.Text("method").Should().Be("FORM");
        created["asset"].Text("status").Should().Be("PENDING");
        (await _client.PostFormAsync(upload, photo, "image/jpeg")).Status.Should().Be(HttpStatusCode.NoContent);
        var completed = await _client.CompleteAsync(seller.Token, created["asset"].Text("id"));
        completed.Codes().Should().BeEmpty(completed.ToJsonString());

        var asset = await _client.WaitForStatusAsync(seller.Token, created["asset"].Text("id"), null, "READY");
        var renditions = asset["renditions"]!.AsArray();
        renditions.Should().HaveCount(12);
        renditions.Select(r => r.Text("format")).Should().OnlyContain(f => f == "AVIF" || f == "WEBP");
        renditions.GroupBy(r => r.Text("format")).Should().OnlyContain(g => g.Count() == 6);
        renditions.Select(r => Math.Max(r!["width"]!.GetValue<int>(), r["height"]!.GetValue<int>())).Distinct().Should().Equal(160, 320, 640, 1024, 1600, 2048);
        renditions.Should().OnlyContain(r => r!["height"]!.GetValue<int>() > r["width"]!.GetValue<int>(), "EXIF orientation 6 makes the landscape photo a portrait");
        asset["width"]!.GetValue<int>().Should().Be(1536);
        asset["height"]!.GetValue<int>().Should().Be(2048);
        asset.Text("placeholder").Should().MatchRegex("^#[0-9a-f]{6}$");
        asset.Text("url").Should().Be(renditions.Single(r => r.Text("format") == "WEBP" && r!["height"]!.GetValue<int>() == 1024).Text("url"),
            "the default rendition is the WebP of the largest width up to 1024 px (768 × 1024 for this portrait)");

        foreach (var rendition in renditions)
        {
            using var response = await _client.DownloadAsync(rendition.Text("url"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, rendition.Text("url"));
            response.Content.Headers.ContentType!.MediaType.Should().Be(rendition.Text("format") == "AVIF" ? "image/avif" : "image/webp");
            response.Headers.CacheControl!.ToString().Should().Contain("immutable");
            using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            image.Width.Should().Be(rendition!["width"]!.GetValue<int>());
            image.Height.Should().Be(rendition["height"]!.GetValue<int>());
            image.GetFields().Should().NotContain(f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal) || f == "orientation",
                "GPS, camera owner and orientation never leave the module");
        }

        // Nothing of the upload itself is kept once rendered (it carried the GPS position); no file name reached storage.
        var raw = Path.Combine(app.MediaRoot.FullName, "raw");
        Directory.Exists(raw).Should().BeTrue();
        Directory.EnumerateFiles(raw, "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains(MediaFlows.Uuid(asset.Text("id")).ToString("N")));
        Directory.EnumerateFileSystemEntries(app.MediaRoot.FullName, "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains("secret name") || f.Contains("IMG_0001"));
    }

    [Fact]
    public async Task Given_a_logo_asset_set_on_the_store_Then_store_logo_url_is_a_signed_url_and_tampered_expired_or_unsigned_ones_are_refused()
    {
        var seller = await _client.SellerStoreAsync(app);
        var logo = await _client.UploadAsync(seller, "STORE_LOGO", TestImages.Png(600, 400), "image/png");
        logo.Text("status").Should().Be("READY");

        // The MediaAsset's global id is accepted as the reference (its uuid too).
        var updated = (await _client.SendAsync(
            "mutation($i: StoreUpdateInput!) { storeUpdate(input: $i) { store { logo { assetId url asset { id status } } } userErrors { code } } }",
            new { i = new { id = seller.StoreId, logo = logo.Text("id") } }, seller.Token)).Data("storeUpdate");
        updated.Codes().Should().BeEmpty(updated.ToJsonString());
        updated["store"]!["logo"].Text("assetId").Should().Be(MediaFlows.Uuid(logo.Text("id")).ToString());

        // Anyone reading the store gets a signed URL, valid for the asset's rendition and nothing else.
        var store = (await _client.SendAsync("query($id: ID!) { store(id: $id) { logo { url asset { status urlsExpireAt } } } }", new { id = seller.StoreId })).Data("store");
        var url = store["logo"].Text("url");
        url.Should().Contain("Expires=").And.Contain("Signature=").And.Contain("Key-Pair-Id=").And.Contain("/img/");
        using (var ok = await _client.DownloadAsync(url))
        {
            ok.StatusCode.Should().Be(HttpStatusCode.OK);
            ok.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        }

        var expires = long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["Expires"]!, System.Globalization.CultureInfo.InvariantCulture);
        (await StatusAndCodeAsync(url.Replace($"Expires={expires}", $"Expires={expires + 3600}", StringComparison.Ordinal))).Should().Be((HttpStatusCode.Forbidden, "BAD_SIGNATURE"));
        (await StatusAndCodeAsync(url.Replace("/w320.webp", "/w160.webp", StringComparison.Ordinal))).Should().Be((HttpStatusCode.Forbidden, "BAD_SIGNATURE"));
        (await StatusAndCodeAsync(url.Split('?')[0])).Should().Be((HttpStatusCode.Forbidden, "BAD_SIGNATURE"));

        // The host's own signer, asked for a URL that expired a minute ago: refused as expired (its signature is fine).
        var signer = app.Services.GetRequiredService<CloudFrontSigner>();
        var expired = signer.SignUrl(url.Split('?')[0], DateTimeOffset.UtcNow.AddMinutes(-1));
        (await StatusAndCodeAsync(expired)).Should().Be((HttpStatusCode.Forbidden, "POLICY_EXPIRED"));
    }

    [Fact]
    public async Task Given_a_product_video_Then_a_player_follows_the_signed_hls_ladder_and_the_poster_is_served()
    {
        var seller = await _client.SellerStoreAsync(app);
        var clip = await TestClips.Mp4Async(640, 360, seconds: 3, audio: true);

        var asset = await _client.UploadAsync(seller, "PRODUCT_VIDEO", clip, "video/mp4");
        asset.Text("status").Should().Be("READY", asset.ToJsonString());
        asset["kind"]!.GetValue<string>().Should().Be("VIDEO");
        asset["durationSeconds"]!.GetValue<double>().Should().BeApproximately(3, 0.5);
        asset["hls"]!["rungs"]!.AsArray().Select(r => r.Text("name")).Should().Equal("360p");
        asset.Text("posterUrl").Should().Contain("/poster/w");
        using (var poster = await _client.DownloadAsync(asset.Text("posterUrl")))
            poster.StatusCode.Should().Be(HttpStatusCode.OK);

        // A player: the master playlist, each media playlist it lists, the init segment and every media segment, by
        // the URIs the playlists give (the delivery endpoint passes the signature on); then ffprobe reads the copy.
        var copy = MediaTestEnvironment.NewTempDirectory();
        try
        {
            var master = asset["hls"].Text("masterPlaylistUrl");
            var files = await FollowAsync(master, copy.FullName, "master.m3u8");
            files.Should().Contain(f => f.EndsWith("init.mp4", StringComparison.Ordinal));
            files.Count(f => f.EndsWith(".m4s", StringComparison.Ordinal)).Should().BeGreaterThan(0);
            var probe = await Marketplace.Modules.Media.Video.ProcessRunner.RunAsync("ffprobe",
                ["-v", "error", "-protocol_whitelist", "file", "-show_entries", "stream=codec_type,codec_name,width,height", "-of", "json", Path.Combine(copy.FullName, "360p", "index.m3u8")],
                TimeSpan.FromMinutes(1), CancellationToken.None);
            probe.ExitCode.Should().Be(0, probe.StandardErrorTail);
            probe.StandardOutput.Should().Contain("\"h264\"").And.Contain("\"aac\"").And.Contain("\"height\": 360");
        }
        finally
        {
            copy.Delete(recursive: true);
        }

        // Signed cookies alone open the same folder (what CloudFront players use); nothing outside it.
        var cookies = asset["hls"]!["cookies"]!.AsArray().Select(c => KeyValuePair.Create(c.Text("name"), c.Text("value"))).ToList();
        var masterPath = asset["hls"].Text("masterPlaylistUrl").Split('?')[0];
        using (var withCookies = await _client.DownloadAsync(masterPath, cookies))
        {
            withCookies.StatusCode.Should().Be(HttpStatusCode.OK);
            withCookies.Headers.CacheControl!.Private.Should().BeTrue("a response authorised by cookies is for this client only");
        }

        using (var otherFolder = await _client.DownloadAsync(masterPath.Replace("/v1/", "/v2/", StringComparison.Ordinal), cookies))
            otherFolder.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>Downloads a playlist and, recursively, everything it lists, under <paramref name="root"/>; answers the files.</summary>
    private async Task<List<string>> FollowAsync(string url, string root, string relative)
    {
        using var response = await _client.DownloadAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        var target = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var files = new List<string> { target };
        if (!relative.EndsWith(".m3u8", StringComparison.Ordinal))
        {
            await File.WriteAllBytesAsync(target, await response.Content.ReadAsByteArrayAsync());
            return files;
        }

        var text = await response.Content.ReadAsStringAsync();
        var uris = new List<string>();
        var local = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var map = System.Text.RegularExpressions.Regex.Match(line, "URI=\"([^\"]+)\"");
            if (map.Success)
                uris.Add(map.Groups[1].Value);
            else if (line.Length > 0 && !line.StartsWith('#'))
                uris.Add(line.Trim());
            // The local copy lists plain relative paths (what ffprobe reads from disk).
            local.AppendLine(System.Text.RegularExpressions.Regex.Replace(line, @"\?[^""\s]*", ""));
        }

        await File.WriteAllTextAsync(target, local.ToString());
        uris.Should().OnlyContain(u => u.Contains("Signature="), "every URI of a playlist served by URL signature carries it on");
        foreach (var uri in uris)
        {
            var absolute = new Uri(new Uri(url), uri).AbsoluteUri;
            var child = Path.Combine(Path.GetDirectoryName(relative)!, uri.Split('?')[0]);
            files.AddRange(await FollowAsync(absolute, root, child));
        }

        return files;
    }

    private async Task<(HttpStatusCode, string?)> StatusAndCodeAsync(string url)
    {
        using var response = await _client.DownloadAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? null : JsonNode.Parse(body)?["code"]?.GetValue<string>());
    }
}
