namespace StaticDossier.Analysis;

/// <summary>A text candidate's scores in a related list: its cosine, its containment and the weight of the people and
/// tags it shares (what <see cref="RelatedArticles.Score"/> reads); with the dot product the cosine was rounded from and a
/// bound of that dot's distance from the exact sum (NaN: not known), from which a drift moves it (<see cref="TextSimilarity.TryDrift"/>).</summary>
internal readonly record struct TextScore(double Cosine, double Containment, int Terms, double Dot = double.NaN, double DotError = 0);

/// <summary>What a large dossier's related list was chosen from: its text candidates' scores (in the order of its
/// candidates, <see cref="TextSimilarity.CandidatesOf"/>) and the articles kept, strongest first, each with its term score.</summary>
internal sealed record ListScores(TextScore[] Text, (int Index, int Terms)[] Kept);

/// <summary>The margins of a candidate search (<see cref="TextSimilarity.Candidates"/>): the weakest estimates it took and
/// the strongest it left out, apart for bodies it met through words (whose estimates weights move) and those it met
/// through shared triples alone (whose estimates no weight moves). Infinite when there is none of a kind.</summary>
/// <param name="MovingTaken">The weakest estimate taken of a body met through words.</param>
/// <param name="FixedTaken">The weakest estimate taken of a body met through triples alone.</param>
/// <param name="MovingLeft">The strongest estimate left out of a body met through words.</param>
/// <param name="FixedLeft">The strongest estimate left out of a body met through triples alone.</param>
internal readonly record struct SearchMargin(double MovingTaken, double FixedTaken, double MovingLeft, double FixedLeft)
{
    // Room for the rounding of the sums the estimates are (tens of terms, each exact to 2^-52 of itself).
    private const double SumRounding = 1e-12;

    /// <summary>Nothing taken, nothing left out.</summary>
    public static SearchMargin Empty { get; } = new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);

    /// <summary>True when the search took every body it met.</summary>
    public bool TookAll => double.IsNegativeInfinity(MovingLeft) && double.IsNegativeInfinity(FixedLeft);

    /// <summary>The estimate a body must pass to be taken (see <see cref="TextSimilarity.CutOf"/>): the weakest taken, or
    /// <see cref="double.MinValue"/> when every body met was taken.</summary>
    public double Cut => TookAll ? double.MinValue : Math.Min(MovingTaken, FixedTaken);

    /// <summary>With a body of that estimate taken.</summary>
    public SearchMargin Taken(double estimate, bool moving) =>
        moving ? this with { MovingTaken = Math.Min(MovingTaken, estimate) } : this with { FixedTaken = Math.Min(FixedTaken, estimate) };

    /// <summary>With a body of that estimate left out.</summary>
    public SearchMargin Left(double estimate, bool moving) =>
        moving ? this with { MovingLeft = Math.Max(MovingLeft, estimate) } : this with { FixedLeft = Math.Max(FixedLeft, estimate) };

    /// <summary>Bounds of these margins after every estimate through words moved by at most <paramref name="factor"/> of
    /// itself: the taken lowered, the left out raised. (With no word walked, a search has no moving estimate.)</summary>
    public SearchMargin Drifted(double factor) => factor == 0 ? this : this with
    {
        MovingTaken = MovingTaken * (1 - factor - SumRounding),
        MovingLeft = MovingLeft * (1 + factor + SumRounding),
    };

    /// <summary>True when a search with these (drifted) margins, meeting the same bodies, takes the same: each kind taken
    /// stays above each kind left out (two fixed estimates keep their order and their ties).</summary>
    public bool Separated => TookAll || (MovingTaken > MovingLeft && MovingTaken > FixedLeft && FixedTaken > MovingLeft);
}

/// <summary>Decides whether a related list stands when weights drift: a word's rounded frequency crossing a step
/// (<see cref="FrequencySteps"/>) changes the IDF of that word in every body holding it, and so every cosine with those
/// bodies by a little, and every candidate-search estimate through their heaviest words by a factor close to 1. A list
/// whose candidates are still the same bodies is chosen again from their new cosines, with the same containments and term
/// scores; the candidates are the same while the weakest taken stays above the strongest left out, each moved by at most
/// the estimates' factor. These are decisions on values only: <see cref="RelatedMemo"/> gathers the values.</summary>
internal static class RelatedDrift
{
    /// <summary>The largest relative change of a candidate-search estimate through words whose weights moved by their
    /// bodies' scales alone, in the search of a body whose scale moved by <paramref name="own"/> (relative), when every
    /// other body's moved by at most <paramref name="others"/>: such an estimate is a sum of products of two weights.</summary>
    public static double EstimateFactor(double own, double others) => ((1 + own) * (1 + others)) - 1;

    /// <summary>True when a list chosen from <paramref name="before"/> is the list its same candidates,
    /// <paramref name="candidates"/>, now give with the cosines <paramref name="cosines"/>: the same articles in the same
    /// order, each with the same reason; <paramref name="now"/> is then what it is chosen from. Besides the candidates and
    /// the articles kept on names alone, a list may have passed over articles sharing only people and tags: their scores
    /// are whole numbers up to <paramref name="maxTerms"/> and no higher than the last kept, whose new score must stay
    /// above any such number it could now fall to.</summary>
    /// <param name="candidates">The list's text candidates, ascending.</param>
    /// <param name="before">What the list was chosen from.</param>
    /// <param name="cosines">Each candidate's cosine now.</param>
    /// <param name="urlRank">Each article's rank by URL, the tie-breaker.</param>
    /// <param name="maxTerms">The weight of all the people and tags of the list's article: no other can share more.</param>
    /// <param name="now">What the list is chosen from now, when it stands.</param>
    public static bool Stands(IReadOnlyList<int> candidates, ListScores before, double[] cosines, int[] urlRank, int maxTerms, out ListScores now) =>
        Stands(candidates, before, [.. before.Text.Select((t, k) => t with { Cosine = cosines[k] })], urlRank, maxTerms, out now);

    /// <summary><see cref="Stands(IReadOnlyList{int}, ListScores, double[], int[], int, out ListScores)"/> with the
    /// candidates' scores now, <paramref name="text"/> (the same but for their cosines).</summary>
    public static bool Stands(IReadOnlyList<int> candidates, ListScores before, TextScore[] text, int[] urlRank, int maxTerms, out ListScores now)
    {
        var best = new RelatedArticles.Best(urlRank);
        for (var k = 0; k < candidates.Count; k++)
        {
            best.Offer(candidates[k], text[k].Cosine, text[k].Containment, text[k].Terms);
        }

        foreach (var (index, terms) in before.Kept)
        {
            if (BinarySearch(candidates, index) < 0)
            {
                best.Offer(index, 0, 0, terms);
            }
        }

        now = before with { Text = text };
        if (best.Kept.Count != before.Kept.Length)
        {
            return false;
        }

        for (var i = 0; i < best.Kept.Count; i++)
        {
            var index = best.Kept[i].Index;
            if (index != before.Kept[i].Index)
            {
                return false;
            }

            // The reason says "similar text" for a cosine at or above the threshold, unless the two tell the same story.
            if (BinarySearch(candidates, index) is var k and >= 0 && text[k].Containment < RelatedArticles.NearDuplicate
                && (before.Text[k].Cosine >= RelatedArticles.Similar) != (text[k].Cosine >= RelatedArticles.Similar))
            {
                return false;
            }
        }

        if (before.Kept.Length < RelatedArticles.MaxRelated)
        {
            return true;
        }

        // Passed over on names alone: a whole number of at most the last kept's old score and maxTerms. One the last kept
        // now equals or falls below might win (a tie goes by URL).
        var (last, lastNow) = (ScoreOf(before, candidates, before.Kept.Length - 1), best.Kept[^1].Score);
        return lastNow >= last || lastNow > Math.Min(Math.Floor(last), maxTerms);
    }

    /// <summary>The score of the <paramref name="i"/>-th article kept when the list was chosen.</summary>
    private static double ScoreOf(ListScores scores, IReadOnlyList<int> candidates, int i)
    {
        var (index, terms) = scores.Kept[i];
        return BinarySearch(candidates, index) is var k and >= 0
            ? RelatedArticles.Score(scores.Text[k].Cosine, scores.Text[k].Containment, terms) ?? 0
            : terms;
    }

    private static int BinarySearch(IReadOnlyList<int> sorted, int value) =>
        sorted is List<int> list ? list.BinarySearch(value) : sorted is int[] array ? Array.BinarySearch(array, value) : IndexOf(sorted, value);

    private static int IndexOf(IReadOnlyList<int> values, int value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
