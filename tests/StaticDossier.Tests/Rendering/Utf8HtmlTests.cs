using Scriban;
using Scriban.Runtime;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Rendering;

/// <summary>An article body kept as UTF-8 is written exactly as the same HTML held as a string.</summary>
public sealed class Utf8HtmlTests
{
    public static TheoryData<string> Bodies() =>
    [
        string.Empty,
        "<p>ascii</p>\n",
        "<p>Phạm Bình Minh nói: “Xin chào” — Tiếng Việt</p>\n",
        "<p>ends with an emoji 😀</p>😀",
        "no newline at the end",
        "\n",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void IsWrittenAsTheSameHtmlHeldAsAString(string html)
    {
        // The last: written under an indent, once where the output ends a line (Scriban puts the indent first) and twice
        // where it does not.
        foreach (var template in new[] { "{{ body }}", "a{{ body }}b", "<div>\n{{ body }}\n</div>\n{{ body }}{{ body }}", "  {{ body }}\n  x",
            "<ul>\n  {{ \"a\\n\"; body; \"\\n\"; body; body }}\n</ul>" })
        {
            Assert.Equal(Render(template, new RawHtml(html)), Render(template, new Utf8Html(html)));
        }

        Assert.Equal(html, new Utf8Html(html).Value);
        Assert.Equal(new Utf8Html(html), new Utf8Html(html.AsSpan()));
    }

    [Fact]
    public void IsNeverEscapedButOtherTextIs()
    {
        Assert.Equal("<b>x</b> &lt;b&gt;", Render("{{ body }} {{ '<b>' }}", new Utf8Html("<b>x</b>")));
    }

    private static string Render(string template, object body)
    {
        var context = new EscapingTemplateContext { StrictVariables = true };
        context.PushGlobal(new ScriptObject { ["body"] = body });
        var output = new StringBuilderOutput();
        context.PushOutput(output);
        var parsed = Template.Parse(template);
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Messages));
        TemplateRenderer.Evaluate(parsed, context);
        return output.Builder.ToString();
    }
}
