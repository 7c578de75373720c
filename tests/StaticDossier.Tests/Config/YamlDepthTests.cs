using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Config;

/// <summary>YAML nesting flow collections past <see cref="YamlDepth.MaxDepth"/> levels is refused before YamlDotNet's
/// scanner (quadratic in the depth) reads it, at the bracket that goes too deep; brackets in quoted text and comments
/// do not count, and an apostrophe in plain text does not hide the brackets after it.</summary>
public sealed class YamlDepthTests
{
    [Fact]
    public void SixtyFourLevelsPassAndTheSixtyFifthIsPlaced()
    {
        Assert.Null(YamlDepth.FirstTooDeep("tags: " + new string('[', 64) + new string(']', 64)));
        Assert.Equal((2, 71), YamlDepth.FirstTooDeep("title: x\ntags: " + new string('[', 65) + new string(']', 65)));
        Assert.Equal((1, 116), YamlDepth.FirstTooDeep(string.Concat(Enumerable.Repeat("{a: ", 17)) + string.Concat(Enumerable.Repeat("[", 60))));
    }

    [Theory]
    [InlineData("title: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['")]
    [InlineData("title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\" [[\"")]
    [InlineData("title: 'it''s [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['")]
    [InlineData("title: x # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("tags: ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', b]")]
    public void BracketsInQuotesAndCommentsDoNotCount(string yaml) => Assert.Null(YamlDepth.FirstTooDeep(yaml));

    [Theory]
    [InlineData("summary: Russia's view\ntags: ")]
    [InlineData("summary: a\"b\ntags: ")]
    [InlineData("title: x#notacomment ")]
    public void AQuoteOrHashInsidePlainTextHidesNothing(string before)
    {
        var yaml = before + new string('[', 100) + "'" + new string(']', 100);
        Assert.NotNull(YamlDepth.FirstTooDeep(yaml));
    }

    [Fact]
    public void SiteYmlNestedTooDeepIsAPositionedError()
    {
        var diagnostics = new DiagnosticBag();
        var yaml = "title: T\nbase_url: https://example.org/\npeople:\n  - name: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        Assert.Null(SiteConfigLoader.Parse(yaml, "site.yml", diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConfigInvalid, error.Code);
        Assert.Equal(new SourceLocation("site.yml", 4, 75), error.Location);
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
        Assert.Equal(new SourceLocation("seeds/a.seed.yml", 2, 73), error.Location);
        Assert.Null(seed?.Sidecar);
    }
}
