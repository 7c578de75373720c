using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

public sealed class SiteWriterTests
{
    private static OutputFile File(string path, string text = "x") => new(path, Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("../escaped.html")]
    [InlineData("articles/../../escaped.html")]
    [InlineData("/tmp/escaped.html")]
    [InlineData("articles\\..\\..\\escaped.html")]
    [InlineData("articles//x.html")]
    [InlineData("")]
    public void RefusesPathsThatLeaveTheOutputFolderAndKeepsThePreviousSite(string hostile)
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        SiteWriter.Write(dossier.Site, [File("index.html", "old")]);

        Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(dossier.Site, [File("index.html", "new"), File(hostile)]));

        Assert.Equal("old", System.IO.File.ReadAllText(Path.Combine(dossier.Site, "index.html")));
        Assert.Equal(["_site/.dossier-site", "_site/index.html", "site.yml"], Tree(dossier.Root));
        Assert.False(System.IO.File.Exists("/tmp/escaped.html") && System.IO.File.ReadAllText("/tmp/escaped.html") == "x");
    }

    [Fact]
    public void RefusesTwoFilesWhoseNamesDifferOnlyInCase()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(dossier.Site, [File("a.html"), File("A.html")]));
        Assert.False(Directory.Exists(dossier.Site));
    }

    [Theory]
    [InlineData("site.yml")]
    [InlineData("notes.md")]
    [InlineData(".git/HEAD")]
    [InlineData("deep/er/page.sbn")]
    public void NeverReplacesAFolderHoldingSources(string source)
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var output = dossier.PathOf("public");
        dossier.Write("public/" + source, "precious");

        var ex = Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(output, [File("index.html")]));
        Assert.Contains($"Refusing to replace '{output}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("precious", System.IO.File.ReadAllText(Path.Combine(output, source)));
    }

    [Theory]
    [InlineData("site.yml")]
    [InlineData("notes.md")]
    [InlineData(".git/HEAD")]
    public void NeverReplacesAStampedFolderInWhichSourcesAppeared(string source)
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        SiteWriter.Write(dossier.Site, [File("index.html")]);
        dossier.Write("_site/" + source, "precious");

        var ex = Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(dossier.Site, [File("index.html")]));
        Assert.Contains("not a built site", ex.Message, StringComparison.Ordinal);
        Assert.Equal("precious", System.IO.File.ReadAllText(Path.Combine(dossier.Site, source)));
    }

    [Theory]
    [InlineData("thesis.docx")]
    [InlineData("photos/1.jpg")]
    [InlineData(".dossier-site/inside")]
    public void NeverReplacesAFolderItDidNotWrite(string file)
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        dossier.Write("mine/" + file, "precious");

        var ex = Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(dossier.PathOf("mine"), [File("index.html")]));
        Assert.Contains("was not written by 'dossier build'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("precious", System.IO.File.ReadAllText(dossier.PathOf("mine/" + file)));
    }

    [Fact]
    public void AnEmptyFolderAndAMissingOneArePublishedTo()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        Directory.CreateDirectory(dossier.PathOf("empty"));
        SiteWriter.Write(dossier.PathOf("empty"), [File("index.html")]);
        SiteWriter.Write(dossier.PathOf("missing/deeper"), [File("index.html")]);
        Assert.True(System.IO.File.Exists(dossier.PathOf("empty/.dossier-site")));
        Assert.True(System.IO.File.Exists(dossier.PathOf("missing/deeper/index.html")));
    }

    [Fact]
    public void ASiteThatPublishesMarkdownCanBeRebuilt()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        SiteWriter.Write(dossier.Site, [File("index.html", "old"), File("sources/page.md", "old")]);
        SiteWriter.Write(dossier.Site, [File("index.html", "new"), File("sources/page.md", "new")]);
        Assert.Equal("new", System.IO.File.ReadAllText(Path.Combine(dossier.Site, "sources", "page.md")));
    }

    [Fact]
    public void PutsThePreviousSiteBackAfterARunKilledBetweenTheTwoMoves()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        // What a run killed right after moving _site aside leaves: no _site, the old one under a dead PID.
        dossier.Write("._site.previous-2147483646/index.html", "old");
        dossier.Write("._site.staging-2147483646/index.html", "half");

        SiteWriter.Recover(dossier.Site);

        Assert.Equal("old", System.IO.File.ReadAllText(Path.Combine(dossier.Site, "index.html")));
        Assert.Equal(["_site/index.html", "site.yml"], Tree(dossier.Root));
    }

    [Fact]
    public void LeftoversOfAKilledRunGoAtTheNextWrite()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        SiteWriter.Write(dossier.Site, [File("index.html", "old")]);
        dossier.Write("._site.previous-2147483646/index.html", "older");
        dossier.Write("._site.staging-2147483646/index.html", "half");

        SiteWriter.Write(dossier.Site, [File("index.html", "new")]);

        Assert.Equal("new", System.IO.File.ReadAllText(Path.Combine(dossier.Site, "index.html")));
        Assert.Equal(["_site/.dossier-site", "_site/index.html", "site.yml"], Tree(dossier.Root));
    }

    [Fact]
    public void ADiskFailureWhileWritingLeavesThePreviousSiteAndReportsIt()
    {
        using var dossier = new TempDossier();
        Assert.False(Dossier.IngestAndBuild(dossier).HasErrors);
        var before = Snapshot(dossier.Site);
        // A file where the staging folder must go makes creating it fail, as a full or read-only disk would.
        dossier.Write($"._site.staging-{Environment.ProcessId}", "in the way");
        dossier.Write("content/extra.md", "---\ntitle: Extra\n---\n\nMore.\n");

        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);

        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.OutputWriteFailed && d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(before, Snapshot(dossier.Site));
    }

    internal static List<string> Tree(string root) => [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)];

    internal static Dictionary<string, string> Snapshot(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(f))));
}
