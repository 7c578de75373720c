using System.Diagnostics;
using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>A saved page's nesting is bounded before the HTML parser sees it (the tree builder is quadratic in depth:
/// 100,000 levels stalled ingest for minutes), with the position of the first element too deep; real pages pass.</summary>
public sealed class HtmlDepthTests
{
    private const int Deep = 100_000;

    public static TheoryData<string, bool> Shapes() => new()
    {
        { "nested divs", true },
        { "self-closed divs (not self-closing in HTML)", true },
        { "unclosed bold", true },
        { "nested lists", true },
        { "SVG left by an HTML tag, then self-closed divs", true },
        { "sibling paragraphs, never closed", false },
        { "sibling list items, never closed", false },
        { "SVG full of self-closed paths", false },
        { "divs inside a comment", false },
        { "divs inside a script", false },
        { "closed divs with '>' in quoted attributes", false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BoundsTheDepthOfEachShape(string shape, bool tooDeep)
    {
        var html = Page(shape);
        Assert.Equal(tooDeep, HtmlDepth.FirstTooDeep(html) is not null);
    }

    [Fact]
    public void ReportsWhereThePageGetsTooDeep()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        dossier.Write("seeds/deep.html", "<html><body>\n<main>\n" + Repeat("<div>", Deep) + "text" + Repeat("</div>", Deep) + "\n</main></body></html>");
        var diagnostics = new DiagnosticBag();
        Assert.Null(new SeedReader(dossier.Root).Read(dossier.PathOf("seeds/deep.html"), diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SeedHtmlTooDeep, error.Code);
        // <html>, <body>, <main> and 509 divs make 512: the 510th div, at column 1 + 509 × 5, is one too many.
        Assert.Equal(new SourceLocation("seeds/deep.html", 3, 1 + (509 * 5)), error.Location);
    }

    [Fact]
    public void IngestOfAMegabyteOfNestingEndsWithAPositionedError()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("seeds/deep.html", Repeat("<span>", Deep) + "text");
        var clock = Stopwatch.StartNew();
        var (code, _, err) = DossierProcess.Run(dossier.Root, "ingest");
        Assert.Equal(1, code);
        Assert.Contains("seeds/deep.html(1,3073): error SD0221", err, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"ingest of {Deep:N0} nested spans: {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void RealSavedPagesAreFarFromTheBound()
    {
        // The saved news pages of the repository (its seeds, the real pages of the cleaning goldens) and, where it is
        // checked out beside the repository, the extraction benchmark's 535 pages of many outlets (../shared/eval).
        var eval = Path.Combine(RepoPaths.Root, "..", "shared", "eval");
        var pages = new[] { RepoPaths.Seeds, Path.Combine(RepoPaths.Root, "tests", "StaticDossier.Tests", "TestFiles", "cleaning"), eval }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.htm*", SearchOption.AllDirectories))
            .ToList();
        Assert.NotEmpty(pages);
        var deepest = 0;
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.True(HtmlDepth.FirstTooDeep(html) is null, $"{page} is refused");
            // The counted depth: the least bound the page stays within (the count only grows with the bound).
            int low = 1, high = HtmlDepth.MaxDepth;
            while (low < high)
            {
                var mid = (low + high) / 2;
                (low, high) = HtmlDepth.FirstTooDeep(html, mid) is null ? (low, mid) : (mid + 1, high);
            }

            var depth = low;
            deepest = Math.Max(deepest, depth);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{pages.Count} pages, deepest counted nesting {deepest}");
        Assert.True(deepest * 2 <= HtmlDepth.MaxDepth, $"a real page nests {deepest} levels deep");
    }

    private static string Page(string shape) => shape switch
    {
        "nested divs" => Repeat("<div>", Deep),
        "self-closed divs (not self-closing in HTML)" => Repeat("<div/>", Deep),
        "unclosed bold" => Repeat("<b>x", Deep),
        "nested lists" => Repeat("<ul><li>", Deep / 2),
        "SVG left by an HTML tag, then self-closed divs" => "<svg><path/>" + Repeat("<div/>", Deep),
        "sibling paragraphs, never closed" => Repeat("<p>x", Deep),
        "sibling list items, never closed" => "<ul>" + Repeat("<li>x", Deep),
        "SVG full of self-closed paths" => "<svg>" + Repeat("<path d='M0 0'/>", Deep) + "</svg>",
        "divs inside a comment" => "<!--" + Repeat("<div>", Deep) + "-->",
        "divs inside a script" => "<script>" + Repeat("<div>", Deep) + "</script>",
        "closed divs with '>' in quoted attributes" => Repeat("<div title='a>b' data-x=\">\">x</div>", Deep),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
