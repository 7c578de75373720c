namespace StaticDossier.Analysis;

/// <summary>The bodies near a candidate search's cut, to judge it after a drift without walking it again: when weights
/// drift, every estimate moves by at most a small factor (<see cref="RelatedDrift.EstimateFactor"/>), so only the bodies
/// whose estimate was close to the cut can cross it. A search whose margins are too close for the factor (some 500 of
/// 10,000 at a crossing save) sums those few bodies' estimates again (<see cref="EstimateIn"/>) rather than its whole
/// walk and rare triples.</summary>
internal sealed partial class TextSimilarity
{
    // How far from the cut, relative to it, a body is kept in the band: some ten crossing saves' drift.
    private const double BandWidth = 0.01;

    // Each body's band from its last candidate search (null: every body met was taken, or no memo keeps bands).
    private readonly SearchBand?[] _bands;

    /// <summary>The band of <paramref name="d"/>'s last candidate search (see <see cref="SearchBand"/>).</summary>
    internal SearchBand? BandOf(int d) => _bands[d];

    /// <summary>The bodies a search found within <see cref="BandWidth"/> of its cut, for <see cref="Candidates"/>.</summary>
    private static SearchBand? BandOf(List<int> touched, double[] estimate, int a, double threshold)
    {
        var (low, high) = (threshold * (1 - BandWidth), threshold * (1 + BandWidth));
        var members = new List<int>();
        foreach (var document in touched)
        {
            if (document != a && estimate[document] >= low && estimate[document] <= high)
            {
                members.Add(document);
            }
        }

        return new SearchBand([.. members], low, high, 0);
    }

    /// <summary>True when body <paramref name="j"/>'s candidate search, met by the same bodies through the same words and
    /// triples since <paramref name="band"/> was found (no walk changed, no exposure, no changed body near it), with every
    /// estimate moved since by at most the band's drift and <paramref name="factor"/> more, takes
    /// <paramref name="candidates"/> again: the weakest taken, of the band's bodies summed again and the floor of those
    /// above it, stays above the strongest left out, likewise. <paramref name="taken"/> and <paramref name="left"/> are
    /// those bounds (every estimate taken is at least the one, every one left out at most the other).</summary>
    internal bool Holds(int j, SearchBand band, IReadOnlyList<int> candidates, double factor, out SearchBand now, out double taken, out double left)
    {
        now = band.Drifted(factor);
        (taken, left) = (band.High * (1 - now.Drift), band.Low * (1 + now.Drift));
        var (top, postings) = _topTerms.Value;
        foreach (var x in band.Members)
        {
            var estimate = EstimateIn(j, x, top, postings);
            if (Contains(candidates, x))
            {
                taken = Math.Min(taken, estimate);
            }
            else
            {
                left = Math.Max(left, estimate);
            }
        }

        return taken > left;

        static bool Contains(IReadOnlyList<int> sorted, int x) => sorted is List<int> list ? list.BinarySearch(x) >= 0 : sorted.Contains(x);
    }
}

/// <summary>The bodies a candidate search met within a band around its cut (<paramref name="Low"/> to
/// <paramref name="High"/>, the cut's estimate then), and how far every estimate may have drifted since, relative
/// (<paramref name="Drift"/>): a body outside the band then stayed above <c>High</c> or below <c>Low</c>, each moved by
/// at most that.</summary>
internal sealed record SearchBand(int[] Members, double Low, double High, double Drift)
{
    // Room for the rounding of the sums the estimates are, per step (as in SearchMargin).
    private const double SumRounding = 1e-12;

    /// <summary>With every estimate moved by at most <paramref name="factor"/> more (of itself).</summary>
    public SearchBand Drifted(double factor) => factor == 0 ? this : this with { Drift = ((1 + Drift) * (1 + factor + SumRounding)) - 1 };
}
