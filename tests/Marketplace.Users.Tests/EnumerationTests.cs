using System.Text.Json.Nodes;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>
/// Profile changes answer the same whether or not a phone or address belongs to another account (its owner is told
/// instead), and addresses are compared in one normalised form, so look-alikes are the same address or refused.
/// </summary>
public sealed class EnumerationTests(UsersApp app)
{
    private const string Password = "correct horse battery";
    private const string PhoneChange = "mutation($p: String!) { profileUpdate(input: { phone: $p }) { phoneCodeSent viewer { phone } userErrors { code } } }";
    private const string EmailChange = "mutation($e: String!) { profileUpdate(input: { email: $e }) { emailVerificationSent viewer { email emailVerified } userErrors { code } } }";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_phone_change_to_a_number_in_use_answers_code_sent_and_only_its_owner_hears_of_it()
    {
        var taken = Gql.NewPhone();
        await _client.SignInBuyerAsync(taken);
        var buyer = await _client.SignInBuyerAsync();
        var token = buyer.Text("accessToken");

        var free = (await _client.SendAsync(PhoneChange, new { p = Gql.NewPhone() }, token)).Data("profileUpdate");
        await Budgets.ClearPhoneMinuteAsync(taken);
        var answer = (await _client.SendAsync(PhoneChange, new { p = taken }, token)).Data("profileUpdate");

        answer.ToJsonString().Should().Be(free.ToJsonString(), "no PHONE_TAKEN: the same answer for a number in use");
        var notice = (await _client.DevSmsAsync(taken))[0]!["body"]!.GetValue<string>();
        notice.Should().Contain("Someone tried to add this number");
        Gql.CodeIn(notice).Should().BeEmpty("the owner gets a notice, not a code");
        var confirm = (await _client.SendAsync("mutation($c: String!) { profilePhoneConfirm(input: { code: $c }) { userErrors { code } } }", new { c = "123456" }, token)).Data("profilePhoneConfirm");
        confirm.Codes().Should().Equal("CODE_INVALID");
        (await _client.SendAsync("{ viewer { phone } }", token: token))["data"]!["viewer"].Text("phone").Should().Be(buyer["viewer"].Text("phone"));
    }

    [Fact]
    public async Task An_email_change_to_a_verified_address_answers_like_a_free_one_and_tells_its_owner()
    {
        var owned = Gql.NewEmail();
        await VerifiedSellerAsync(owned);
        var seller = (await _client.RegisterSellerAsync(Gql.NewEmail())).Text("accessToken");
        var other = (await _client.RegisterSellerAsync(Gql.NewEmail())).Text("accessToken");

        var free = (await _client.SendAsync(EmailChange, new { e = Gql.NewEmail() }, other)).Data("profileUpdate");
        var answer = (await _client.SendAsync(EmailChange, new { e = owned }, seller)).Data("profileUpdate");

        answer.Codes().Should().BeEmpty("no EMAIL_TAKEN");
        answer["emailVerificationSent"]!.GetValue<bool>().Should().Be(free["emailVerificationSent"]!.GetValue<bool>());
        answer["viewer"]!["emailVerified"]!.GetValue<bool>().Should().BeFalse();
        app.Emails.SentTo(owned)[^1].Template.Should().Be(TransactionalTemplates.EmailAddressInUse);
        app.Emails.SentTo(owned).Count(e => e.Template == TransactionalTemplates.SellerEmailVerification).Should().Be(1, "only the owner's own registration link");
        (await _client.LoginSellerAsync(owned, Password)).Codes().Should().BeEmpty("the owner still signs in");
    }

    [Theory]
    [InlineData("\u0430dmin")]        // Cyrillic а + Latin
    [InlineData("p\u0430ypal")]       // Cyrillic а in the middle
    [InlineData("\u0441\u0435\u043e")] // "сео": all Cyrillic, all look Latin
    [InlineData("adm\u03b9n")]        // Greek iota
    [InlineData("admin\u2010x")]      // Unicode hyphen, a look-alike of "-"
    public async Task Look_alike_local_parts_are_refused(string local)
    {
        var email = $"{local}@{Guid.NewGuid():N}.example.test";

        var answer = await _client.RegisterSellerAsync(email);

        answer.Codes().Should().Equal("EMAIL_INVALID");
        app.Emails.SentTo(email).Should().BeEmpty();
    }

    [Fact]
    public async Task Fullwidth_and_zero_width_variants_are_the_same_address_as_the_plain_one()
    {
        var email = Gql.NewEmail();
        await VerifiedSellerAsync(email);
        var fullwidth = new string(email.Select(c => c is > '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());
        var zeroWidth = email.Insert(3, "\u200B").Insert(8, "\u200D");

        var first = await _client.RegisterSellerAsync(fullwidth, "another long passphrase");
        var second = await _client.RegisterSellerAsync(zeroWidth, "another long passphrase");

        first.Codes().Should().BeEmpty(first.ToJsonString());
        second.Codes().Should().BeEmpty(second.ToJsonString());
        first["viewer"].Text("email").Should().Be(email);
        second["viewer"].Text("email").Should().Be(email);
        app.Emails.SentTo(email).Count(e => e.Template == TransactionalTemplates.EmailAddressInUse).Should().Be(2, "both were attempts on the owner's address");
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE email_verified_at IS NOT NULL AND email = $1", email)).Should().Be(1);
    }

    [Fact]
    public async Task International_domains_are_stored_in_punycode_and_letters_of_one_script_are_kept()
    {
        var id = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var idn = await _client.RegisterSellerAsync($"shop{id}@B\u00fccher.example");
        var accented = await _client.RegisterSellerAsync($"jos\u00e9{id}@example.test");
        var cyrillic = await _client.RegisterSellerAsync($"\u0438\u0432\u0430\u043d{id}@example.test");

        idn["viewer"].Text("email").Should().Be($"shop{id}@xn--bcher-kva.example");
        accented["viewer"].Text("email").Should().Be($"jos\u00e9{id}@example.test");
        cyrillic["viewer"].Text("email").Should().Be($"\u0438\u0432\u0430\u043d{id}@example.test", "a genuine Cyrillic name is not a look-alike");
    }

    private async Task<JsonNode> VerifiedSellerAsync(string email)
    {
        var registered = await _client.RegisterSellerAsync(email, Password);
        registered.Codes().Should().BeEmpty();
        var link = app.Emails.SentTo(email).Last(e => e.Template == TransactionalTemplates.SellerEmailVerification).Data["verificationUrl"];
        var token = Uri.UnescapeDataString(new Uri(link).Query.Split("token=")[1]);
        (await _client.SendAsync("mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success } }", new { t = token })).Data("sellerEmailVerify")["success"]!.GetValue<bool>().Should().BeTrue();
        return registered;
    }
}
