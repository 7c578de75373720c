using StaticDossier.Analysis;

namespace StaticDossier.Tests.Analysis;

/// <summary>The decisions <see cref="RelatedMemo"/> takes when weights drift, on values alone: whether a list still stands
/// with its candidates' new cosines, and whether a search's drifted margins still keep its candidates.</summary>
public sealed class RelatedDriftTests
{
    // Articles 0-9, ranked by URL in index order; the list belongs to article 9.
    private static readonly int[] UrlRank = [.. Enumerable.Range(0, 10)];
    private static readonly List<int> Candidates = [1, 2, 3, 4, 5, 6];

    /// <summary>What a list of candidates 1-6 with these cosines (and containments, none shared names) was chosen from:
    /// the five strongest that score at all, strongest first.</summary>
    private static ListScores Chosen(double[] cosines, double[]? containments = null, int[]? terms = null)
    {
        var text = cosines.Select((c, k) => new TextScore(c, containments?[k] ?? 0, terms?[k] ?? 0)).ToArray();
        var kept = text.Select((t, k) => (Index: Candidates[k], Score: RelatedArticles.Score(t.Cosine, t.Containment, t.Terms)))
            .Where(x => x.Score is not null)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Take(RelatedArticles.MaxRelated)
            .Select(x => (x.Index, text[Candidates.IndexOf(x.Index)].Terms));
        return new ListScores(text, [.. kept]);
    }

    public static TheoryData<string, double[], double[], bool> Lists => new()
    {
        { "every cosine moved a little, the order kept", [0.50, 0.45, 0.40, 0.35, 0.30, 0.25], [0.5004, 0.4497, 0.4002, 0.3501, 0.2999, 0.2503], true },
        { "two kept change places", [0.50, 0.45, 0.40, 0.35, 0.30, 0.25], [0.50, 0.40, 0.45, 0.35, 0.30, 0.25], false },
        { "the one left out passes the last kept", [0.50, 0.45, 0.40, 0.35, 0.30, 0.25], [0.50, 0.45, 0.40, 0.35, 0.30, 0.31], false },
        { "the last kept falls under the threshold of any score", [0.50, 0.45, 0.40, 0.35, 0.2000001, 0.05], [0.50, 0.45, 0.40, 0.35, 0.1999999, 0.05], false },
        { "a short list gains a candidate now scoring", [0.50, 0.45, 0.19, 0.10, 0.05, 0.01], [0.50, 0.45, 0.20, 0.10, 0.05, 0.01], false },
        { "a short list's candidates left out still under the threshold", [0.50, 0.45, 0.19, 0.10, 0.05, 0.01], [0.51, 0.44, 0.199, 0.10, 0.05, 0.01], true },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void AListStandsOnlyWhenItsCandidatesNewCosinesGiveItAgain(string why, double[] before, double[] now, bool stands)
    {
        Assert.True(stands == RelatedDrift.Stands(Candidates, Chosen(before), now, UrlRank, 0, out var rescored), why);
        Assert.True(!stands || rescored.Text.Select(t => t.Cosine).SequenceEqual(now), why);
    }

    /// <summary>Candidate 2 tells the same story (containment 0.2) with a cosine of 0.3: its reason says so whatever its
    /// cosine, and it keeps its place when the cosine falls under the "similar text" threshold. Candidate 5 is the other
    /// way round: no story shared, a tag shared, its place kept, but its reason ("similar text") lost.</summary>
    [Fact]
    public void AListFallsWhenAKeptArticlesReasonChanges()
    {
        double[] before = [0.90, 0.30, 0.70, 0.60, 0.2000001, 0.01];
        double[] containments = [0, 0.2, 0, 0, 0, 0];
        int[] terms = [0, 0, 0, 0, 1, 0];
        Assert.True(RelatedDrift.Stands(Candidates, Chosen(before, containments, terms), [0.90, 0.19, 0.70, 0.60, 0.2000001, 0.01], UrlRank, 1, out _));
        Assert.False(RelatedDrift.Stands(Candidates, Chosen(before, containments, terms), [0.90, 0.30, 0.70, 0.60, 0.1999999, 0.01], UrlRank, 1, out _));
    }

    /// <summary>The last kept (a shared story, score 2.002) falls to 2.0: an article the list passed over for sharing two
    /// tags (score 2, second by URL) could now tie with it and win; with one tag to share, no article scores more than 1.</summary>
    [Fact]
    public void AListFallsWhenItsLastKeptMayNowMeetAnArticlePassedOverOnNames()
    {
        double[] before = [0.90, 0.80, 0.70, 0.60, 0.0004, 0.01];
        double[] now = [0.90, 0.80, 0.70, 0.60, 0.0, 0.01];
        double[] containments = [0, 0, 0, 0, 0.1, 0];
        Assert.Equal(5, Chosen(before, containments).Kept[^1].Index);
        Assert.False(RelatedDrift.Stands(Candidates, Chosen(before, containments), now, UrlRank, maxTerms: 2, out _));
        Assert.True(RelatedDrift.Stands(Candidates, Chosen(before, containments), now, UrlRank, maxTerms: 1, out _));
    }

    /// <summary>Margins as (moving taken, fixed taken, moving left out, fixed left out), a drift factor, and whether the
    /// search surely takes the same bodies.</summary>
    public static TheoryData<string, double[], double, bool> Margins => new()
    {
        { "moving taken well above every left out", [3.0, 2.0, 1.5, 1.0], 0.01, true },
        { "moving taken within the drift of moving left out", [3.0, 4.0, 2.99, 1.0], 0.01, false },
        { "fixed taken tied with fixed left out: neither moves", [3.0, 2.0, 1.0, 2.0], 0.01, true },
        { "fixed taken tied with a moving left out", [3.0, 2.0, 2.0, 1.0], 0.001, false },
        { "moving taken tied with a fixed left out", [2.0, 3.0, 1.0, 2.0], 0.001, false },
        { "every body met taken", [1.0, 1.0, double.NegativeInfinity, double.NegativeInfinity], 0.5, true },
    };

    [Theory]
    [MemberData(nameof(Margins))]
    public void ASearchKeepsItsCandidatesWhileEachKindTakenStaysAboveEachLeftOut(string why, double[] margin, double factor, bool separated) =>
        Assert.True(new SearchMargin(margin[0], margin[1], margin[2], margin[3]).Drifted(factor).Separated == separated, why);
}
