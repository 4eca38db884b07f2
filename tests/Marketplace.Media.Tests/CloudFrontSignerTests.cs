using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Delivery;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Media.Tests;

/// <summary>
/// Our CloudFront signer against AWS's own (<c>@aws-sdk/cloudfront-signer</c>, run with node on the same key and
/// inputs), our verifier, and local-disk delivery that checks the same signatures over HTTP.
/// </summary>
public sealed class CloudFrontSignerTests : IDisposable
{
    private const string KeyPairId = "K2JCJMDEHXQW5F";
    private static readonly DateTimeOffset Until = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RSA _key = RSA.Create(2048);

    public void Dispose() => _key.Dispose();

    private CloudFrontSigner Signer(CloudFrontHash hash = CloudFrontHash.Sha1) => new(KeyPairId, _key, hash);

    private CloudFrontVerifier Verifier(RSA? key = null) => new(KeyPairId, key ?? _key);

    private async Task<JsonElement[]> AwsSignerAsync(params object[] cases)
    {
        var jsDir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "js");
        if (!Directory.Exists(Path.Combine(jsDir, "node_modules")))
            throw new InvalidOperationException($"Run 'npm ci' in {Path.GetFullPath(jsDir)} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node", ["sign.js"])
        {
            WorkingDirectory = jsDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new { privateKey = _key.ExportPkcs8PrivateKeyPem(), keyPairId = KeyPairId, cases }));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        node.ExitCode.Should().Be(0, error);
        return JsonSerializer.Deserialize<JsonElement[]>(output)!;
    }

    [Fact]
    public async Task Given_the_same_inputs_Then_signed_urls_equal_aws_signer_byte_for_byte()
    {
        const string image = "https://d111111abcdef8.cloudfront.net/img/0193a7c2e4b1/v1/w640.avif";
        const string withQuery = "https://d111111abcdef8.cloudfront.net/img/a/v1/w160.webp?size=s&x=a b";
        const string odd = "https://d111111abcdef8.cloudfront.net/img/café menu/ünïcödé 1+2.avif";
        const string folder = "https://d111111abcdef8.cloudfront.net/hls/0193a7c2e4b1/v1/*";
        const string master = "https://d111111abcdef8.cloudfront.net/hls/0193a7c2e4b1/v1/master.m3u8";
        var customPolicy = new CloudFrontPolicy(folder, Until);
        var windowed = new CloudFrontPolicy(CloudFrontSigner.EncodeUrlPath(image), Until, new DateTimeOffset(2029, 6, 1, 0, 0, 0, TimeSpan.Zero), "203.0.113.7");
        var expected = await AwsSignerAsync(
            new { kind = "url", url = image, dateLessThan = "2030-01-01T00:00:00Z" },
            new { kind = "url", url = withQuery, dateLessThan = "2030-01-01T00:00:00Z" },
            new { kind = "url", url = odd, dateLessThan = "2030-01-01T00:00:00Z" },
            new { kind = "url", url = image, dateLessThan = "2030-01-01T00:00:00Z", algorithm = "SHA256" },
            new { kind = "url", url = master, policy = customPolicy.ToJson() },
            new { kind = "url", url = image, dateLessThan = "2030-01-01T00:00:00Z", dateGreaterThan = "2029-06-01T00:00:00Z", ipAddress = "203.0.113.7" });

        string[] ours =
        [
            Signer().SignUrl(image, Until),
            Signer().SignUrl(withQuery, Until),
            Signer().SignUrl(odd, Until),
            Signer(CloudFrontHash.Sha256).SignUrl(image, Until),
            Signer().SignUrl(master, customPolicy),
            Signer().SignUrl(image, windowed),
        ];

        ours.Should().Equal(expected.Select(e => e.GetString()));
        ours[2].Should().StartWith("https://d111111abcdef8.cloudfront.net/img/caf%C3%A9%20menu/%C3%BCn%C3%AFc%C3%B6d%C3%A9%201%2B2.avif?");
        ours[0].Should().MatchRegex(@"\?Expires=1893456000&Key-Pair-Id=K2JCJMDEHXQW5F&Signature=[A-Za-z0-9~_-]+$");
    }

    [Fact]
    public async Task Given_a_video_folder_policy_Then_signed_cookies_equal_aws_signer()
    {
        var policy = new CloudFrontPolicy("https://d111111abcdef8.cloudfront.net/hls/0193a7c2e4b1/v1/*", Until);
        var expected = await AwsSignerAsync(
            new { kind = "cookies", policy = policy.ToJson() },
            new { kind = "cookies", policy = policy.ToJson(), algorithm = "SHA256" });

        var sha1 = Signer().SignCookies(policy);
        var sha256 = Signer(CloudFrontHash.Sha256).SignCookies(policy);

        sha1.Should().BeEquivalentTo(expected[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
        sha256.Should().BeEquivalentTo(expected[1].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
        sha256.Should().ContainKey("CloudFront-Hash-Algorithm");
    }

    [Fact]
    public void Given_a_canned_policy_Then_its_json_has_no_whitespace_and_the_signature_verifies_with_the_public_key()
    {
        var policy = new CloudFrontPolicy("https://d.example.net/img/a.avif", Until).ToJson();

        policy.Should().Be("{\"Statement\":[{\"Resource\":\"https://d.example.net/img/a.avif\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1893456000}}}]}");
        var signature = Signer().Sign(policy);
        signature.Should().NotContainAny("+", "=", "/");
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(_key.ExportSubjectPublicKeyInfoPem());
        publicKey.VerifyData(Encoding.UTF8.GetBytes(policy), CloudFrontSigner.FromUrlSafeBase64(signature), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1).Should().BeTrue();
    }

    private static (string Resource, string Query) Split(string signedUrl)
    {
        var q = signedUrl.IndexOf('?');
        return (signedUrl[..q], signedUrl[q..]);
    }

    private static readonly IReadOnlyDictionary<string, string> NoCookies = new Dictionary<string, string>();

    [Fact]
    public void Given_signed_urls_Then_the_verifier_accepts_them_until_expiry_and_refuses_any_change()
    {
        var now = new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var (resource, query) = Split(Signer().SignUrl("https://d.example.net/img/a/v1/w160.avif", Until));

        Verifier().Verify(resource, query, NoCookies, null, now).Should().Be(SignedBy.Url);
        Refused(() => Verifier().Verify(resource, query, NoCookies, null, Until)).Should().Be(MediaErrorCodes.PolicyExpired);
        Refused(() => Verifier().Verify(resource, query.Replace("Expires=1893456000", "Expires=1993456000", StringComparison.Ordinal), NoCookies, null, now)).Should().Be(MediaErrorCodes.BadSignature);
        Refused(() => Verifier().Verify(resource.Replace("w160", "w2048", StringComparison.Ordinal), query, NoCookies, null, now)).Should().Be(MediaErrorCodes.BadSignature);
        Refused(() => Verifier().Verify(resource, query.Replace(KeyPairId, "KOTHER", StringComparison.Ordinal), NoCookies, null, now)).Should().Be(MediaErrorCodes.BadSignature);
        Refused(() => Verifier().Verify(resource, "", NoCookies, null, now)).Should().Be(MediaErrorCodes.BadSignature);
        using var otherKey = RSA.Create(2048);
        Refused(() => Verifier(otherKey).Verify(resource, query, NoCookies, null, now)).Should().Be(MediaErrorCodes.BadSignature);
        var (r256, q256) = Split(Signer(CloudFrontHash.Sha256).SignUrl("https://d.example.net/img/a/v1/w160.avif", Until));
        Verifier().Verify(r256, q256, NoCookies, null, now).Should().Be(SignedBy.Url);
    }

    [Fact]
    public void Given_folder_cookies_Then_every_file_of_that_video_is_allowed_and_nothing_else()
    {
        var now = new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var cookies = Signer().SignCookies(new CloudFrontPolicy("https://d.example.net/hls/aaa/v1/*", Until, IpAddress: "203.0.113.0/24"));
        var client = IPAddress.Parse("203.0.113.7");

        Verifier().Verify("https://d.example.net/hls/aaa/v1/720p/seg_001.m4s", "", cookies, client, now).Should().Be(SignedBy.Cookies);
        Refused(() => Verifier().Verify("https://d.example.net/hls/bbb/v1/master.m3u8", "", cookies, client, now)).Should().Be(MediaErrorCodes.BadSignature);
        Refused(() => Verifier().Verify("https://d.example.net/hls/aaa/v1/master.m3u8", "", cookies, IPAddress.Parse("198.51.100.1"), now)).Should().Be(MediaErrorCodes.BadSignature);
        Refused(() => Verifier().Verify("https://d.example.net/hls/aaa/v1/master.m3u8", "", cookies, client, Until)).Should().Be(MediaErrorCodes.PolicyExpired);
        var tampered = cookies.ToDictionary(c => c.Key, c => c.Key == "CloudFront-Policy"
            ? CloudFrontSigner.UrlSafeBase64(Encoding.UTF8.GetBytes(new CloudFrontPolicy("https://d.example.net/hls/*", Until).ToJson()))
            : c.Value);
        Refused(() => Verifier().Verify("https://d.example.net/hls/bbb/v1/master.m3u8", "", tampered, client, now)).Should().Be(MediaErrorCodes.BadSignature);
    }

    private static string Refused(Action verify) => verify.Should().Throw<MediaException>().Which.Code;

    [Fact]
    public async Task Given_local_delivery_Then_signed_urls_are_served_immutable_and_expired_or_tampered_ones_refused()
    {
        var root = MediaTestEnvironment.NewTempDirectory();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var storage = new LocalDiskMediaStorage(new LocalDiskStorageOptions { Root = root.FullName }, new PostPolicySigner(new byte[32]), clock);
        var key = MediaKeys.Image(Guid.NewGuid(), 1, 160, "avif");
        var bytes = Encoding.ASCII.GetBytes("not really an avif, served as stored");
        using (var content = new MemoryStream(bytes))
            await storage.PutAsync(StorageArea.Renditions, key, content, "image/avif", MediaKeys.ImmutableCacheControl, CancellationToken.None);
        MediaDeliveryOptions? options = null;
        await using var host = await TestWebHost.StartAsync(app =>
            app.MapGet("/media/{**key}", (HttpContext context, string key) =>
                new LocalDeliveryEndpoint(storage, Verifier(), options!, clock).HandleAsync(context, key)));
        options = new MediaDeliveryOptions { BaseUrl = new Uri(host.BaseAddress, "media/") };
        using var http = host.CreateClient();
        var signed = Signer().SignUrl(new Uri(options.BaseUrl, key).AbsoluteUri, clock.Now.AddMinutes(5));

        using (var ok = await http.GetAsync(signed))
        {
            ok.StatusCode.Should().Be(HttpStatusCode.OK);
            (await ok.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
            ok.Content.Headers.ContentType!.MediaType.Should().Be("image/avif");
            ok.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        }

        using (var tampered = await http.GetAsync(signed.Replace("w160", "w320", StringComparison.Ordinal)))
            (await CodeOf(tampered)).Should().Be(MediaErrorCodes.BadSignature);
        using (var unsigned = await http.GetAsync(new Uri(options.BaseUrl, key)))
            (await CodeOf(unsigned)).Should().Be(MediaErrorCodes.BadSignature);
        using (var traversal = await http.GetAsync(signed.Replace("img/", "img/../../", StringComparison.Ordinal)))
            traversal.IsSuccessStatusCode.Should().BeFalse();
        clock.Advance(TimeSpan.FromMinutes(6));
        using (var expired = await http.GetAsync(signed))
            (await CodeOf(expired)).Should().Be(MediaErrorCodes.PolicyExpired);

        root.Delete(recursive: true);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
    }
}
