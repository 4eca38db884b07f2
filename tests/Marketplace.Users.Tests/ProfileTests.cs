using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

public sealed class ProfileTests(UsersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Display_name_changes_at_once_and_publishes_ProfileUpdated_naming_the_field()
    {
        var signedIn = await _client.SignInBuyerAsync();

        var answer = (await _client.SendAsync("mutation { profileUpdate(input: { displayName: \"  Ada  \" }) { viewer { displayName } userErrors { field code } } }", token: signedIn.Text("accessToken"))).Data("profileUpdate");

        answer["viewer"].Text("displayName").Should().Be("Ada");
        var userId = signedIn["viewer"].Text("userId");
        (await Database.CountAsync("SELECT count(*) FROM users.outbox_messages WHERE subject = 'marketplace.users.profile_updated.v1' AND payload::text LIKE '%' || $1 || '%' AND payload::text LIKE '%displayName%' AND payload::text NOT LIKE '%Ada%'", userId))
            .Should().Be(1);
    }

    [Fact]
    public async Task New_phone_applies_only_after_the_code_sent_to_it_is_confirmed()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var token = signedIn.Text("accessToken");
        var oldPhone = signedIn["viewer"].Text("phone");
        var newPhone = Gql.NewPhone();

        var update = (await _client.SendAsync("mutation($p: String!) { profileUpdate(input: { phone: $p }) { phoneCodeSent viewer { phone } userErrors { code } } }", new { p = newPhone }, token)).Data("profileUpdate");
        update["phoneCodeSent"]!.GetValue<bool>().Should().BeTrue();
        update["viewer"].Text("phone").Should().Be(oldPhone, "the change waits for the code");

        var wrong = (await _client.SendAsync("mutation { profilePhoneConfirm(input: { code: \"000000\" }) { userErrors { code } } }", token: token)).Data("profilePhoneConfirm");
        var code = await _client.LatestCodeAsync(newPhone);
        if (code != "000000")
            wrong.Codes().Should().Equal("CODE_INVALID");
        (await _client.VerifyCodeAsync(newPhone, code)).Codes().Should().Equal(["CODE_INVALID"], "a phone-change code does not sign anyone in");

        var confirmed = (await _client.SendAsync("mutation($c: String!) { profilePhoneConfirm(input: { code: $c }) { viewer { phone } userErrors { code } } }", new { c = code }, token)).Data("profilePhoneConfirm");
        confirmed["viewer"].Text("phone").Should().Be(newPhone);
    }

    [Fact]
    public async Task New_seller_email_must_be_verified_again()
    {
        var registered = await _client.RegisterSellerAsync(Gql.NewEmail());
        var token = registered.Text("accessToken");
        var newEmail = Gql.NewEmail();

        var update = (await _client.SendAsync("mutation($e: String!) { profileUpdate(input: { email: $e }) { emailVerificationSent viewer { email emailVerified } userErrors { code } } }", new { e = newEmail }, token)).Data("profileUpdate");

        update["emailVerificationSent"]!.GetValue<bool>().Should().BeTrue();
        update["viewer"].Text("email").Should().Be(newEmail);
        update["viewer"]!["emailVerified"]!.GetValue<bool>().Should().BeFalse();
        app.Emails.SentTo(newEmail).Should().ContainSingle().Which.Template.Should().Be(TransactionalTemplates.SellerEmailVerification);
    }

    [Fact]
    public async Task Buyer_cannot_take_an_email_and_bad_values_change_nothing()
    {
        var signedIn = await _client.SignInBuyerAsync();

        var answer = (await _client.SendAsync("mutation { profileUpdate(input: { displayName: \"\", email: \"a@b.example\" }) { viewer { displayName } userErrors { field code } } }", token: signedIn.Text("accessToken"))).Data("profileUpdate");

        answer.Codes().Should().BeEquivalentTo("DISPLAY_NAME_INVALID", "NOT_ALLOWED_FOR_ROLE");
        answer["viewer"].Should().BeNull();
    }
}
