using Marketplace.Modules.Notifications.Templates;
using Marketplace.Shared;

namespace Marketplace.Notifications.Tests;

public sealed class TemplateTests
{
    private static readonly TemplateCatalog Catalog = TemplateCatalog.Load(null);

    [Theory]
    [InlineData("de-AT", "Willkommen bei Marketplace, Anna")]
    [InlineData("de", "Willkommen bei Marketplace, Anna")]
    [InlineData("fr-FR", "Welcome to Marketplace, Anna")]
    [InlineData("", "Welcome to Marketplace, Anna")]
    public void A_locale_falls_back_to_its_language_then_to_english(string locale, string subject)
    {
        var rendered = Catalog.Render("seller_welcome", locale, new Dictionary<string, string> { ["displayName"] = "Anna" });

        rendered.Subject.Should().Be(subject);
    }

    [Fact]
    public void Html_bodies_encode_values_and_text_bodies_keep_them()
    {
        var rendered = Catalog.Render("seller_welcome", "en", new Dictionary<string, string> { ["displayName"] = "<b>Bob & Co</b>" });

        rendered.Html.Should().Contain("&lt;b&gt;Bob &amp; Co&lt;/b&gt;").And.NotContain("<b>Bob");
        rendered.Text.Should().Contain("<b>Bob & Co</b>");
    }

    [Theory]
    [InlineData("en.subject.txt", "Hello {{ displayName", "unbalanced or malformed placeholder on line 1")]
    [InlineData("en.txt", "line\n}} oops", "unbalanced or malformed placeholder on line 2")]
    [InlineData("en.html", "{{ verificationUrl }}", "unknown variable {{verificationUrl}}")]
    public void A_broken_override_is_refused_with_the_file_and_the_problem(string file, string content, string problem)
    {
        var directory = Directory.CreateTempSubdirectory("templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "seller_welcome"));
            File.WriteAllText(Path.Combine(directory.FullName, "seller_welcome", file), content);

            var act = () => TemplateCatalog.Load(directory.FullName);

            act.Should().Throw<ConfigurationException>().WithMessage($"*seller_welcome/{file}*{problem}*");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
