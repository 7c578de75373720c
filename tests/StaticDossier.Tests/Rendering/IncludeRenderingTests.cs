using Scriban;
using Scriban.Runtime;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>An include that is a statement of its own is rendered without Scriban's buffer and string per call; the
/// page must come out exactly as Scriban's own include makes it, indentation, escaping and line state included.</summary>
public sealed class IncludeRenderingTests
{
    private static readonly Dictionary<string, string> Partials = new(StringComparer.Ordinal)
    {
        ["item.sbn"] = "<li>{{ a }}</li>",
        ["multi.sbn"] = "<p>\n  {{ a }}\n</p>\n",
        ["multi-open.sbn"] = "<p>\n{{ lines }}</p>",
        ["empty.sbn"] = string.Empty,
        ["blank.sbn"] = "{{ if false }}never{{ end }}",
        ["ends-line.sbn"] = "line\n",
        ["nested.sbn"] = "<div>\n  {{ include \"multi.sbn\" }}\n    {{ include \"item.sbn\" }}\n</div>\n",
        ["deep.sbn"] = "  {{ include \"nested.sbn\" }}{{ include \"empty.sbn\" }}\n{{ lines }}",
        ["args.sbn"] = "{{ $[1] }}/{{ $.size }}",
        ["escaped.sbn"] = "{{ '<b>&' }}{{ raw }}",
        ["sets.sbn"] = "{{ y = 'set' }}{{ y }}",
        ["trimmed.sbn"] = "  {{~ lines }}  {{~ lines }}",
        ["lines.sbn"] = "{{ lines }}",
    };

    private static readonly string[] Pages =
    [
        "{{ include \"item.sbn\" }}",
        "  {{ include \"item.sbn\" }}",
        "  {{ include \"multi.sbn\" }}\n  {{ lines }}",
        "<ul>\n{{~ for a in list ~}}\n  {{ include \"item.sbn\" }}\n{{~ end ~}}\n</ul>",
        "<ul>\n{{ for a in list }}\n    {{ include \"multi.sbn\" }}\n{{ end }}\n</ul>",
        "  {{ include \"empty.sbn\" }}{{ lines }}",
        "{{ lines }}{{ include \"empty.sbn\" }}\n    {{ lines }}",
        "{{ lines }}  {{ include \"blank.sbn\" }}  {{ lines }}",
        "{{ include \"ends-line.sbn\" }}    {{ lines }}",
        "    {{ include \"ends-line.sbn\" }}{{ lines }}  {{ lines }}",
        "  {{ include \"multi-open.sbn\" }}\n  {{ include \"multi-open.sbn\" }}{{ lines }}",
        "  {{ include \"nested.sbn\" }}",
        "<main>\n{{ include \"deep.sbn\" }}\n   {{ include \"deep.sbn\" }}</main>",
        "{{ include \"args.sbn\" 'one' 2 }} {{ include \"args.sbn\" }}",
        "{{ x = include \"item.sbn\" }}[{{ x }}]",
        "{{ include \"item.sbn\" | string.upcase }}",
        "{{ include \"args.sbn\" a: 5 }}",
        "{{ capture c }}  {{ include \"multi.sbn\" }}{{ end }}<{{ c }}>",
        "{{ include \"escaped.sbn\" }}  {{ include \"escaped.sbn\" }}",
        "{{ include \"sets.sbn\" }} {{ y }}",
        "{{ func f }}  {{ include \"multi.sbn\" }}{{ end }}{{ f }}\n  {{ f }}",
        "{{ if true }}\n    {{ include \"nested.sbn\" }}\n{{ end }}",
        "{{ lines }}{{ include \"empty.sbn\" }}  {{~ lines }}",
        "{{ include \"ends-line.sbn\" }}  {{~ lines }}",
        "{{ include \"lines.sbn\" }}  {{~ lines }}",
        "{{ lines }}{{ include \"trimmed.sbn\" }}",
        "{{ lines }}  {{~ include \"trimmed.sbn\" }}\n  {{~ include \"lines.sbn\" }}  {{~ lines }}",
    ];

    [Fact]
    public void EveryPageComesOutAsScribansOwnIncludeMakesIt()
    {
        using var dossier = Templates();
        foreach (var page in Pages)
        {
            Assert.Equal(Render(dossier, page, direct: false), Render(dossier, page, direct: true));
        }
    }

    /// <summary>With an output limit Scriban restarts the budget for each include it renders: such a context keeps
    /// Scriban's include, and the page comes out as Scriban cuts it.</summary>
    [Fact]
    public void WithAnOutputLimitIncludesKeepScribansBudget()
    {
        using var dossier = Templates();
        dossier.Write("templates/long.sbn", new string('x', 3000));
        const string page = "{{ for i in 1..10 }}{{ include \"long.sbn\" }}{{ end }}";
        var stock = Render(dossier, page, direct: false, limit: 5000);
        Assert.Equal(stock, Render(dossier, page, direct: true, limit: 5000));
        Assert.True(stock.Length > 5000, "the budget restarts with each include");
    }

    [Fact]
    public void AnErrorInAPartialIsReportedInThePartialEitherWay()
    {
        using var dossier = Templates();
        dossier.Write("templates/broken.sbn", "ok\n{{ missing_variable }}");
        var stock = Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => Render(dossier, "  {{ include \"broken.sbn\" }}", direct: false));
        var direct = Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => Render(dossier, "  {{ include \"broken.sbn\" }}", direct: true));
        Assert.Equal(stock.Message, direct.Message);
        Assert.EndsWith("broken.sbn", direct.Span.FileName, StringComparison.Ordinal);
    }

    /// <summary>The point of the direct path: a partial included a thousand times costs no buffer and string each time.</summary>
    [Fact]
    public void AStatementIncludeAllocatesNoCopyOfThePartial()
    {
        using var dossier = Templates();
        dossier.Write("templates/big.sbn", string.Concat(Enumerable.Repeat("<meta name=\"x\" content=\"{{ a }}\">\n", 400)));
        const string page = "{{ for i in 1..200 }}{{ include \"big.sbn\" }}{{ end }}";
        Render(dossier, page, direct: true);
        Render(dossier, page, direct: false);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var fromDirect = Render(dossier, page, direct: true);
        var direct = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var fromStock = Render(dossier, page, direct: false);
        var stock = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(fromStock, fromDirect);
        // Each stock include makes the partial's text (some 16 KB as UTF-16) at least twice: buffer and string.
        Assert.True(stock - direct > 200L * 2 * 2 * 14_000, $"stock {stock} bytes, direct {direct} bytes");
    }

    private static TempDossier Templates()
    {
        var dossier = new TempDossier(withSeeds: false);
        foreach (var (name, text) in Partials)
        {
            dossier.Write("templates/" + name, text);
        }

        return dossier;
    }

    // As the site renders: no limit on a page's length (see TemplateRenderer).
    private static string Render(TempDossier dossier, string page, bool direct, int limit = 0)
    {
        var templates = dossier.PathOf("templates");
        var context = new EscapingTemplateContext { TemplateLoader = new TemplateFolderLoader(templates, "templates"), StrictVariables = true, LimitToString = limit };
        RawIncludes.Install(context, direct);
        var model = new ScriptObject
        {
            ["a"] = "x & <y>",
            ["list"] = new ScriptArray { "one", "two & three", "four" },
            ["lines"] = "first\nsecond\n",
            ["raw"] = new RawHtml("<i>raw</i>"),
        };
        context.PushGlobal(model);
        var output = new StringBuilderOutput();
        context.PushOutput(output);
        TemplateRenderer.Evaluate(Template.Parse(page, Path.Combine(templates, "page.sbn")), context);
        return output.Builder.ToString();
    }
}
