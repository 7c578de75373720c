using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Config;

/// <summary>YAML nesting lists and mappings past <see cref="YamlDepth.MaxDepth"/> levels is refused before YamlDotNet's
/// deserializer (whose scanner is quadratic in the depth) reads it, at the list or mapping that goes too deep;
/// brackets that are text (in quotes, comments, or a headline written as plain text) do not count.</summary>
public sealed class YamlDepthTests
{
    [Fact]
    public void SixtyFourLevelsPassAndTheSixtyFifthIsPlaced()
    {
        // The root mapping is the first level.
        Assert.Null(YamlDepth.FirstTooDeep("tags: " + new string('[', 63) + new string(']', 63)));
        Assert.Equal((2, 70), YamlDepth.FirstTooDeep("title: x\ntags: " + new string('[', 64) + new string(']', 64)));
        Assert.Equal((1, 116), YamlDepth.FirstTooDeep(string.Concat(Enumerable.Repeat("{a: ", 17)) + new string('[', 60)));
    }

    [Theory]
    [InlineData("title: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['")]
    [InlineData("title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\" [[\"")]
    [InlineData("title: x # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("title: Russia's [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("tags: ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', b]")]
    public void BracketsThatAreTextDoNotCount(string yaml) => Assert.Null(YamlDepth.FirstTooDeep(yaml));

    [Fact]
    public void AHeadlineOfBracketsWrittenByIngestReadsBack()
    {
        var meta = new StaticDossier.Content.FrontMatter { Title = "[[" + new string('[', 200) + " {{{{" + new string('{', 100) + "'\"" };
        var text = StaticDossier.Content.ContentPageFormatter.Format(meta, "Body.");
        var diagnostics = new DiagnosticBag();
        var page = StaticDossier.Content.ContentPageParser.Parse("content/a.md", text, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(meta.Title, page!.Meta.Title);
    }

    [Fact]
    public void SiteYmlNestedTooDeepIsAPositionedError()
    {
        var diagnostics = new DiagnosticBag();
        var yaml = "title: T\nbase_url: https://example.org/\npeople:\n  - name: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        Assert.Null(SiteConfigLoader.Parse(yaml, "site.yml", diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConfigInvalid, error.Code);
        Assert.Equal(new SourceLocation("site.yml", 4, 72), error.Location);
        Assert.Contains("more than 64 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASidecarNestedTooDeepIsRefusedAndTheSeedReadWithoutIt()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        dossier.Write("seeds/a.txt", "A headline\n\nA paragraph of the article, long enough to be read as one.\n");
        dossier.Write("seeds/a.seed.yml", "url: https://example.org/a\nsource: " + new string('{', 20_000) + new string('}', 20_000) + "\n");
        var diagnostics = new DiagnosticBag();
        var seed = new SeedReader(dossier.Root).Read(dossier.PathOf("seeds/a.txt"), diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SeedSidecarInvalid, error.Code);
        Assert.Equal(new SourceLocation("seeds/a.seed.yml", 2, 72), error.Location);
        Assert.Null(seed?.Sidecar);
    }
}
