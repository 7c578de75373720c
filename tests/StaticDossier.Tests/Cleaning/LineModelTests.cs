using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The text-dump line model: its file format, the shipped model, and the review's limits (it only keeps lines
/// the rules dropped for their shape, never drops one, never touches headlines or known noise).</summary>
public sealed class LineModelTests
{
    private static readonly int Width = LineFeatures.Names.Length;

    // One tree: feature 0 ("kept") <= 0.5 goes left to -2, else right to +3; base 1.
    private static string OneTree(int features) => $"# test\ntrees {features} 1\ntree\n0 0.5 1 2 0\n-1 0 0 0 -2\n-1 0 0 0 3\n";

    [Fact]
    public void ASmallModelAddsItsLeavesToTheBase()
    {
        var model = LineModel.Parse(OneTree(Width), "test.model");
        var row = new float[Width];
        Assert.Equal(1 / (1 + Math.Exp(1)), model.Probability(row), 6);
        row[0] = 1;
        Assert.Equal(1 / (1 + Math.Exp(-4)), model.Probability(row), 6);
    }

    [Fact]
    public void AModelForOtherFeaturesIsRefusedWithItsLine()
    {
        var e = Assert.Throws<FormatException>(() => LineModel.Parse(OneTree(Width - 1), "old.model"));
        Assert.StartsWith("old.model(2): ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"computes {Width}", e.Message, StringComparison.Ordinal);

        var bad = Assert.Throws<FormatException>(() => LineModel.Parse($"trees {Width} 0\ntree\n0 x 1 2 0\n", "bad.model"));
        Assert.StartsWith("bad.model(3): ", bad.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LineModel.Parse("tree\n-1 0 0 0 1\n", "headless.model"));
    }

    [Fact]
    public void TheShippedModelLoadsAndScoresEveryLine()
    {
        var blocks = TextDumpReader.Read(File.ReadAllText(Path.Combine(CleaningGolden.Folder, "170-line-model", "input.txt")));
        var language = BlockClassifier.Classify(blocks);
        var rows = LineFeatures.Compute(blocks, language);
        Assert.Equal(blocks.Count * Width, rows.Length);
        for (var i = 0; i < blocks.Count; i++)
        {
            var p = LineModel.Default.Probability(rows.AsSpan(i * Width, Width));
            Assert.InRange(p, 0, 1);
        }
    }

    [Fact]
    public void TheReviewOnlyKeepsLinesDroppedForTheirShape()
    {
        // A model that finds every line part of the article: only shape-dropped lines may come back.
        var always = LineModel.Parse($"trees {Width} 10\n", "always.model");
        var seed = CleaningGolden.Seed("seeds/faq.txt", File.ReadAllText(Path.Combine(CleaningGolden.Folder, "170-line-model", "input.txt")));
        var alone = ArticleCleaner.Clean(seed, null, TextDumpReader.Read(seed.Text), CleaningOptions.Default with { TextLineModel = null });
        var reviewed = ArticleCleaner.Clean(seed, null, TextDumpReader.Read(seed.Text), CleaningOptions.Default with { TextLineModel = always });
        for (var i = 0; i < alone.Decisions.Count; i++)
        {
            var (a, r) = (alone.Decisions[i], reviewed.Decisions[i]);
            var shape = a.Rule is "main-run" or "short-run" or "short" or "container";
            Assert.Equal(a.Kept || (shape && !a.Kept), r.Kept);
            Assert.Equal(a.Kept || !shape ? a.Rule : "line-model", r.Rule);
        }

        Assert.Contains(alone.Decisions, d => d.Rule == "title");
        Assert.Contains(alone.Decisions, d => d.Rule == "end-section");
    }
}
