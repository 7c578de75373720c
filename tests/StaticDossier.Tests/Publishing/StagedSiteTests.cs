using System.Text;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Tests.Hostile;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Publishing;

/// <summary>A one-off build stages each file as it is rendered and keeps only its links (issue 24.3): what it publishes,
/// and what it reports, must be what the in-memory render makes of the same dossier.</summary>
public sealed class StagedSiteTests
{
    private static OutputFile File(string path, string text = "x") => new(path, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void AStreamedBuildPublishesExactlyTheSiteRenderedInMemory()
    {
        using var dossier = new TempDossier();
        Assert.False(Dossier.IngestAndBuild(dossier).HasErrors);

        var diagnostics = new DiagnosticBag();
        var rendered = new SiteBuilder(Dossier.Config(dossier)).Render(diagnostics);
        Assert.NotNull(rendered);
        Assert.Equal(
            rendered.Select(f => f.OutputPath).Append(OutputFolderGuard.StampName).Order(StringComparer.Ordinal),
            SiteWriterTests.Tree(dossier.Site));
        Assert.All(rendered, f => Assert.Equal(f.Bytes, System.IO.File.ReadAllBytes(Path.Combine(dossier.Site, f.OutputPath))));
    }

    [Fact]
    public void ABrokenLinkIsReportedAtTheSamePlaceAsByTheInMemoryCheck()
    {
        using var dossier = new TempDossier();
        Assert.False(Dossier.IngestAndBuild(dossier).HasErrors);
        var before = SiteWriterTests.Snapshot(dossier.Site);
        dossier.Write("content/link.md", "---\ntitle: Link\n---\n\nFirst [nowhere](missing-page.html).\n\nThen [a lost anchor](link.html#gone).\n");

        var streamed = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(streamed).Succeeded);
        var inMemory = new DiagnosticBag();
        Assert.Null(new SiteBuilder(Dossier.Config(dossier)).Render(inMemory));

        var broken = streamed.Where(d => d.Code == DiagnosticCodes.BrokenLink).ToList();
        Assert.Equal(2, broken.Count);
        Assert.All(broken, d => Assert.Equal("_site/articles/link.html", d.Location.Path));
        Assert.All(broken, d => Assert.True(d.Location.Line > 1));
        Assert.Equal(inMemory.Where(d => d.Code == DiagnosticCodes.BrokenLink), broken);
        Assert.Equal(before, SiteWriterTests.Snapshot(dossier.Site));
    }

    [Fact]
    public void TheKeptLinksCheckAsTheWholePages()
    {
        // SiteLinks keeps each distinct link once and web addresses only as a count: the same links checked, the same
        // broken ones reported at the same places.
        using var dossier = new TempDossier();
        dossier.Write("content/link.md", "---\ntitle: Link\ntags: [Hanoi]\n---\n\nFirst [nowhere](missing-page.html), [the web](https://example.org/a) " +
                                         "and [home](../index.html).\n\nThen [a lost anchor](link.html#gone) and [another](http://example.org/b).\n");
        Assert.DoesNotContain(Dossier.IngestAndBuild(dossier), d => d.Severity == DiagnosticSeverity.Error && d.Code != DiagnosticCodes.BrokenLink);
        var rendered = new SiteBuilder(Dossier.Config(dossier)).RenderUnchecked(new DiagnosticBag())!;
        var whole = new DiagnosticBag();
        var count = LinkChecker.Check(rendered, whole);

        var links = new SiteLinks();
        Parallel.ForEach(rendered, links.Add);
        var kept = new DiagnosticBag();
        Assert.Equal(count, links.Check(kept, path => rendered.Single(f => f.OutputPath == path).Bytes));
        Assert.Equal(2, kept.Count(d => d.Code == DiagnosticCodes.BrokenLink));
        Assert.Equal(whole.Sorted(), kept.Sorted());
    }

    [Theory]
    [InlineData("../escaped.html")]
    [InlineData("INDEX.html")]
    public void AFileThatCannotBeStagedFailsThePublishAndKeepsThePreviousSite(string bad)
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        SiteWriter.Write(dossier.Site, [File("index.html", "old")]);

        using (var staged = StagedSite.Open(dossier.Site))
        {
            staged.Put(File("index.html", "new"));
            staged.Put(File(bad));
            staged.Put(File("later.html"));
            Assert.True(staged.Failed);
            var ex = Assert.Throws<InvalidOperationException>(() => staged.Publish());
            Assert.Contains("Refusing to write", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal("old", System.IO.File.ReadAllText(Path.Combine(dossier.Site, "index.html")));
        Assert.Equal(["_site/.dossier-site", "_site/index.html", "site.yml"], SiteWriterTests.Tree(dossier.Root));
    }

    [Fact]
    public void ASiteNotPublishedLeavesNoStagingBehind()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        SiteWriter.Write(dossier.Site, [File("index.html", "old")]);

        using (var staged = StagedSite.Open(dossier.Site))
        {
            staged.Put(File("index.html", "new"));
            staged.Put(File("articles/a.html", "a"));
            Assert.True(Directory.Exists(staged.Folder));
        }

        Assert.Equal(["_site/.dossier-site", "_site/index.html", "site.yml"], SiteWriterTests.Tree(dossier.Root));
    }

    [Fact]
    public void FilesPutFromManyThreadsArePublishedWhole()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var files = Enumerable.Range(0, 600).Select(i => File($"d{i % 7}/e{i % 3}/p{i}.html", $"page {i}")).ToList();

        WriteResult? result;
        using (var staged = StagedSite.Open(dossier.Site))
        {
            Parallel.ForEach(files, staged.Put);
            result = staged.Publish();
        }

        Assert.NotNull(result);
        Assert.Equal(600, result.Written);
        Assert.Equal(files.Select(f => f.OutputPath).Order(StringComparer.Ordinal), result.Outputs.Keys);
        Assert.All(files, f => Assert.Equal(f.Bytes, System.IO.File.ReadAllBytes(Path.Combine(dossier.Site, f.OutputPath))));
    }
}
