using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Media.Tests;

/// <summary>
/// Local-disk mode: our own S3-shaped POST policy and the endpoint that enforces it, driven by real
/// multipart/form-data POSTs over HTTP to Kestrel.
/// </summary>
public sealed class LocalUploadTests : IAsyncLifetime
{
    private readonly DirectoryInfo _root = MediaTestEnvironment.NewTempDirectory();
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);
    private readonly PostPolicySigner _signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private LocalDiskMediaStorage _storage = null!;
    private TestWebHost _host = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestWebHost.StartAsync(app =>
        {
            // The storage needs the server's address, so the endpoint is made per request.
            app.MapPost("/media/uploads", context =>
                new LocalUploadEndpoint(_storage, new PostPolicyChecker(_signer), _clock, largestUploadBytes: 1024 * 1024).HandleAsync(context));
        });
        _storage = new LocalDiskMediaStorage(new LocalDiskStorageOptions { Root = _root.FullName, UploadUrl = new Uri(_host.BaseAddress, "media/uploads") }, _signer, _clock);
        _http = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        _root.Delete(recursive: true);
    }

    private async Task<UploadPlan> PlanAsync(UploadPurpose purpose = UploadPurpose.StoreLogo, string contentType = "image/png") =>
        await new UploadPlanner(_storage, new MediaUploadOptions(), _clock).PlanAsync(Guid.NewGuid(), purpose, contentType, 100, CancellationToken.None);

    private static MultipartFormDataContent Form(IEnumerable<KeyValuePair<string, string>> fields, byte[]? file, bool fileFirst = false)
    {
        var content = new MultipartFormDataContent();
        void AddFile()
        {
            var part = new ByteArrayContent(file!);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(part, "file", "me.png");
        }

        if (fileFirst && file is not null)
            AddFile();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        if (!fileFirst && file is not null)
            AddFile();
        return content;
    }

    private async Task<(HttpStatusCode Status, string? Code)> PostAsync(HttpContent content)
    {
        using var response = await _http.PostAsync("media/uploads", content);
        if (response.StatusCode == HttpStatusCode.NoContent)
            return (response.StatusCode, null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("code").GetString());
    }

    private async Task<bool> StoredAsync(string key) => await _storage.HeadAsync(StorageArea.Raw, key, CancellationToken.None) is not null;

    [Fact]
    public async Task Given_a_signed_form_Then_the_file_is_stored_under_the_server_key()
    {
        var plan = await PlanAsync();
        var file = TestImages.Png(32, 32);

        var (status, _) = await PostAsync(Form(plan.Form!.Fields, file));

        status.Should().Be(HttpStatusCode.NoContent);
        plan.Form.Url.Should().Be(new Uri(_host.BaseAddress, "media/uploads"));
        (await _storage.HeadAsync(StorageArea.Raw, plan.Key, CancellationToken.None))!.Length.Should().Be(file.Length);
        Directory.EnumerateFiles(_root.FullName, "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains("me.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_policy_document_Then_it_has_the_s3_shape()
    {
        var plan = await PlanAsync();
        var fields = plan.Form!.Fields.ToDictionary(f => f.Key, f => f.Value);

        var policy = Encoding.UTF8.GetString(Convert.FromBase64String(fields[PostPolicySigner.PolicyField]));

        var expiration = _clock.Now.AddMinutes(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        policy.Should().Be($"{{\"expiration\":\"{expiration}\",\"conditions\":[{{\"key\":\"{plan.Key}\"}},{{\"Content-Type\":\"image/png\"}},{{\"X-Mp-Algorithm\":\"MP-HMAC-SHA256\"}},[\"content-length-range\",1,5242880]]}}");
        fields[PostPolicySigner.SignatureField].Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Given_a_file_above_the_range_Then_too_large_and_nothing_is_kept()
    {
        var form = _signer.Create(new Uri(_host.BaseAddress, "media/uploads"), new UploadFormRequest(MediaKeys.Raw(Guid.NewGuid(), Guid.NewGuid()), "image/png", 1, 1000, TimeSpan.FromMinutes(10)), _clock.Now);

        var (status, code) = await PostAsync(Form(form.Fields, new byte[1001]));

        status.Should().Be(HttpStatusCode.BadRequest);
        code.Should().Be(MediaErrorCodes.TooLarge);
        (await StoredAsync(form.Key)).Should().BeFalse();
        Directory.EnumerateFiles(_root.FullName, "*", SearchOption.AllDirectories).Should().BeEmpty("no partial file is left either");
    }

    [Fact]
    public async Task Given_an_empty_file_Then_too_small()
    {
        var plan = await PlanAsync();

        var (status, code) = await PostAsync(Form(plan.Form!.Fields, []));

        status.Should().Be(HttpStatusCode.BadRequest);
        code.Should().Be(MediaErrorCodes.TooSmall);
        (await StoredAsync(plan.Key)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_an_expired_form_Then_policy_expired()
    {
        var plan = await PlanAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var (status, code) = await PostAsync(Form(plan.Form!.Fields, TestImages.Png(8, 8)));

        status.Should().Be(HttpStatusCode.Forbidden);
        code.Should().Be(MediaErrorCodes.PolicyExpired);
        (await StoredAsync(plan.Key)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_tampered_policy_Then_bad_signature()
    {
        var plan = await PlanAsync();
        var fields = plan.Form!.Fields.ToList();
        var index = fields.FindIndex(f => f.Key == PostPolicySigner.PolicyField);
        var widened = Encoding.UTF8.GetString(Convert.FromBase64String(fields[index].Value)).Replace("5242880", "999999999", StringComparison.Ordinal);
        fields[index] = new(PostPolicySigner.PolicyField, Convert.ToBase64String(Encoding.UTF8.GetBytes(widened)));

        var (status, code) = await PostAsync(Form(fields, TestImages.Png(8, 8)));

        status.Should().Be(HttpStatusCode.Forbidden);
        code.Should().Be(MediaErrorCodes.BadSignature);
    }

    [Fact]
    public async Task Given_a_form_signed_with_another_key_Then_bad_signature()
    {
        var other = new PostPolicySigner(new byte[32]);
        var form = other.Create(new Uri(_host.BaseAddress, "media/uploads"), new UploadFormRequest(MediaKeys.Raw(Guid.NewGuid(), Guid.NewGuid()), "image/png", 1, 1000, TimeSpan.FromMinutes(10)), _clock.Now);

        var (status, code) = await PostAsync(Form(form.Fields, TestImages.Png(8, 8)));

        status.Should().Be(HttpStatusCode.Forbidden);
        code.Should().Be(MediaErrorCodes.BadSignature);
    }

    [Theory]
    [InlineData("Content-Type", "text/html")]
    [InlineData("key", "raw/someone-else/their-upload")]
    public async Task Given_a_field_changed_after_signing_Then_policy_violation(string field, string value)
    {
        var plan = await PlanAsync();
        var fields = plan.Form!.Fields.Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f).ToList();

        var (status, code) = await PostAsync(Form(fields, TestImages.Png(8, 8)));

        status.Should().Be(HttpStatusCode.BadRequest);
        code.Should().Be(MediaErrorCodes.PolicyViolation);
        Directory.EnumerateFiles(_root.FullName, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_field_no_condition_covers_Then_policy_violation()
    {
        var plan = await PlanAsync();
        var fields = plan.Form!.Fields.Append(new("x-amz-meta-note", "hi")).ToList();

        var (status, code) = await PostAsync(Form(fields, TestImages.Png(8, 8)));

        status.Should().Be(HttpStatusCode.BadRequest);
        code.Should().Be(MediaErrorCodes.PolicyViolation);
    }

    [Fact]
    public async Task Given_the_file_before_the_fields_Then_refused_and_nothing_stored()
    {
        var plan = await PlanAsync();

        var (status, code) = await PostAsync(Form(plan.Form!.Fields, TestImages.Png(8, 8), fileFirst: true));

        status.Should().Be(HttpStatusCode.Forbidden, "the policy fields must precede the file");
        code.Should().Be(MediaErrorCodes.BadSignature);
        (await StoredAsync(plan.Key)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_fields_after_the_file_Then_refused_and_nothing_stored()
    {
        var plan = await PlanAsync();
        var content = Form(plan.Form!.Fields, TestImages.Png(8, 8));
        content.Add(new StringContent("late"), "late");

        var (status, code) = await PostAsync(content);

        status.Should().Be(HttpStatusCode.BadRequest);
        code.Should().Be(MediaErrorCodes.PolicyViolation);
        (await StoredAsync(plan.Key)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_body_that_is_not_a_form_Then_policy_violation()
    {
        var (status, code) = await PostAsync(new StringContent("{}", Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        code.Should().Be(MediaErrorCodes.PolicyViolation);
    }

    [Fact]
    public async Task Given_local_storage_Then_video_uploads_use_one_form_with_the_video_cap()
    {
        var plan = await new UploadPlanner(_storage, new MediaUploadOptions(), _clock).PlanAsync(Guid.NewGuid(), UploadPurpose.ProductVideo, "video/mp4", 5000, CancellationToken.None);

        plan.Multipart.Should().BeNull();
        var policy = Encoding.UTF8.GetString(Convert.FromBase64String(plan.Form!.Fields.Single(f => f.Key == PostPolicySigner.PolicyField).Value));
        policy.Should().Contain("[\"content-length-range\",1,2000000000]", "the video cap (2,000,000,000 bytes: GraphQL's Int carries the declared size), not the image cap");
    }
}
