namespace StaticDossier.Analysis;

/// <summary>Cosines after a drift, from the last ones: a save whose word crosses a frequency step reweighs thousands of
/// bodies (<see cref="DriftOf"/>), and every related list holding one judges its candidates' new cosines. A drifted body's
/// weights are its last ones times one ratio (its norm's), except for the few reweighed words, so a dot product moves by
/// the two ratios and by those words alone: a few operations instead of a pass over both bodies. The result is kept only
/// when it rounds (<see cref="CosineOf"/>) to the value the pass would give, whatever the rounding of either sum; the
/// dot is carried with a bound of its distance from the exact value.</summary>
internal sealed partial class TextSimilarity
{
    // The relative rounding of one weight, of the ratio, and of the few operations here: generous multiples of 2^-53.
    private const double Ulp = 1.2e-16;

    // For each body since the last similarity: the ratio of its weights now to then for the words whose IDF stayed (within
    // a few roundings; 0: kept, its weights the same; NaN: not comparable, its text or words changed), and its reweighed
    // words' weights then and now, by id ascending. One array of values: a list's candidates are read at random.
    private DriftedWeights[]? _drifted;

    private readonly record struct DriftedWeights(double Ratio, (int Id, double Before, double Now)[]? Words);

    // Whether a word entered or left every body in the last Update (every body's words are then compared one by one).
    private bool _everyBodyMoved;

    /// <summary>Body <paramref name="d"/>'s <see cref="Drift.Scale"/> against its weights <paramref name="last"/> in the
    /// last similarity, with its drifted weights kept (<see cref="_drifted"/>), when no word entered or left every body:
    /// its text the same, it holds the same words, in the same order, so the weights pair up index by index, and every
    /// word not reweighed moved by one ratio (its norm's) within a few roundings. Read from one such word, widened by
    /// those roundings: a bound of the largest, not each word divided. NaN: not comparable.</summary>
    private double Scale(int d, (int[] Ids, double[] Weights) last, bool[] reweighedWords, int[] reweighedIds)
    {
        var (ids, weights) = _vectors[d];
        if (ids.Length != last.Ids.Length)
        {
            _drifted![d] = new DriftedWeights(double.NaN, null);
            return double.NaN;
        }

        // The positions of its reweighed words: a few binary searches, or one pass when many words were reweighed.
        var at = new List<int>();
        if (reweighedIds.Length * 8 < ids.Length)
        {
            foreach (var id in reweighedIds)
            {
                if (Array.BinarySearch(ids, id) is var i and >= 0)
                {
                    at.Add(i);
                }
            }
        }
        else
        {
            for (var i = 0; i < ids.Length; i++)
            {
                if (reweighedWords[ids[i]])
                {
                    at.Add(i);
                }
            }
        }

        var first = 0;
        for (var k = 0; k < at.Count && at[k] == first; k++)
        {
            first++;
        }

        var ratio = first < ids.Length ? weights[first] / last.Weights[first] : 1;
        _drifted![d] = new DriftedWeights(ratio, [.. at.Select(i => (ids[i], last.Weights[i], weights[i]))]);
        return first < ids.Length ? Math.Abs(ratio - 1) + (16 * Ulp * ratio) : 0;
    }

    /// <summary><see cref="Scale"/> with every word's id compared and each word's ratio taken, for a similarity in which a
    /// word entered or left every body (and so every body's vector).</summary>
    private double ScaleWordByWord(int d, (int[] Ids, double[] Weights) last, bool[] reweighedWords, int[]? renumber)
    {
        var ((ids, weights), (lastIds, lastWeights)) = (_vectors[d], last);
        var scale = ids.Length == lastIds.Length ? 0.0 : double.NaN;
        var (ratio, reweighed) = (double.NaN, 0);
        for (var i = 0; i < ids.Length && !double.IsNaN(scale); i++)
        {
            if ((renumber is null ? lastIds[i] : renumber[lastIds[i]]) != ids[i])
            {
                scale = double.NaN;
            }
            else if (reweighedWords[ids[i]])
            {
                reweighed++;
            }
            else
            {
                var r = weights[i] / lastWeights[i];
                ratio = double.IsNaN(ratio) ? r : ratio;
                scale = Math.Max(scale, Math.Abs(r - 1));
            }
        }

        if (double.IsNaN(scale))
        {
            _drifted![d] = new DriftedWeights(double.NaN, null);
        }
        else
        {
            KeepDriftedWeights(d, ratio, reweighed, reweighedWords, lastWeights);
        }

        return scale;
    }

    /// <summary>The largest relative change of body <paramref name="d"/>'s weights since <paramref name="last"/> (its
    /// similarity when this one was made from it) among its words not reweighed, each word divided (what
    /// <see cref="Scale"/> bounds; for tests); NaN when its words are not the same.</summary>
    internal double ScaleByEachWord(int d, TextSimilarity last)
    {
        var ((ids, weights), (lastIds, lastWeights)) = (_vectors[d], last._vectors[d]);
        var scale = ids.Length == lastIds.Length ? 0.0 : double.NaN;
        for (var i = 0; i < ids.Length && !double.IsNaN(scale); i++)
        {
            scale = _wordIds.Find(last._wordHashes[lastIds[i]]) != ids[i] ? double.NaN
                : _reweighedWords is { } reweighed && reweighed[ids[i]] ? scale
                : Math.Max(scale, Math.Abs((weights[i] / lastWeights[i]) - 1));
        }

        return scale;
    }

    /// <summary>Keeps body <paramref name="d"/>'s drift (see <see cref="_drifted"/>) as <see cref="MeasureDrift"/> finds it:
    /// <paramref name="ratio"/> NaN when every word was reweighed.</summary>
    private void KeepDriftedWeights(int d, double ratio, int reweighed, bool[] reweighedWords, double[] lastWeights)
    {
        var (ids, weights) = _vectors[d];
        var words = new (int Id, double Before, double Now)[reweighed];
        for (int i = 0, k = 0; i < ids.Length; i++)
        {
            if (reweighedWords[ids[i]])
            {
                words[k++] = (ids[i], lastWeights[i], weights[i]);
            }
        }

        _drifted![d] = new DriftedWeights(double.IsNaN(ratio) ? 1 : ratio, words);
    }

    /// <summary>The raw dot products (<see cref="Cosines"/> before rounding) of <paramref name="a"/> with each of <paramref name="others"/>.</summary>
    internal double[] Dots(int a, IReadOnlyList<int> others)
    {
        var dense = DenseWeights.Value!;
        if (dense.Length < _vocabulary)
        {
            dense = new double[_vocabulary];
            DenseWeights.Value = dense;
        }

        var (ids, weights) = _vectors[a];
        for (var i = 0; i < ids.Length; i++)
        {
            dense[ids[i]] = weights[i];
        }

        var dots = new double[others.Count];
        for (var k = 0; k < others.Count; k++)
        {
            var (ib, wb) = _vectors[others[k]];
            var dot = 0.0;
            for (var j = 0; j < ib.Length; j++)
            {
                dot += dense[ib[j]] * wb[j];
            }

            dots[k] = dot;
        }

        foreach (var id in ids)
        {
            dense[id] = 0;
        }

        return dots;
    }

    /// <summary>A bound of how far a dot of <paramref name="a"/> and <paramref name="b"/> as <see cref="Dots"/> sums it
    /// lies from the exact sum of the products of their weights (unit vectors: the products' magnitudes add up to at
    /// most 1), and of what one drift step (<see cref="TryDrift"/>) adds to it.</summary>
    internal double DotError(int a, int b) => (_vectors[a].Ids.Length + _vectors[b].Ids.Length + 64) * 4 * Ulp;

    /// <summary><paramref name="before"/>, body <paramref name="b"/>'s text score in <paramref name="a"/>'s list when the
    /// last similarity was made, with this similarity's cosine, when it follows from the last dot for certain: both
    /// bodies kept or drifted (<see cref="DriftOf"/>), and the moved dot, within its bound, on one side of every rounding
    /// step. False when the dot must be summed again.</summary>
    internal bool TryDrift(int a, int b, in TextScore before, out TextScore now)
    {
        now = before;
        if (_drifted is null || double.IsNaN(before.Dot))
        {
            return false;
        }

        var (da, db) = (_drifted[a], _drifted[b]);
        var (ra, rb) = (da.Ratio == 0 ? 1 : da.Ratio, db.Ratio == 0 ? 1 : db.Ratio);
        // The products of the words reweighed in both leave the scaled sum and come back with their new weights.
        var (then, since) = (0.0, 0.0);
        if (da.Words is { } wa && db.Words is { } wb)
        {
            for (int i = 0, j = 0; i < wa.Length && j < wb.Length;)
            {
                if (wa[i].Id < wb[j].Id)
                {
                    i++;
                }
                else if (wb[j].Id < wa[i].Id)
                {
                    j++;
                }
                else
                {
                    then += wa[i].Before * wb[j].Before;
                    since += wa[i].Now * wb[j].Now;
                    (i, j) = (i + 1, j + 1);
                }
            }
        }

        // The error a step adds is at most the first (DotError: the bodies keep their words), which the carried one is at
        // least, so adding that bounds it: it about doubles, and after a dozen steps the dot is summed again.
        var dot = (ra * rb * (before.Dot - then)) + since;
        var error = before.DotError * (1 + (ra * rb * (1 + (8 * Ulp))));
        // The pass's own sum lies within its error of the exact value, and this one within `error`: twice, and a margin
        // for the rounding of the bounds themselves.
        var bound = (2 * error) + Ulp;
        var cosine = CosineOf(dot - bound);
        if (!(error <= 1e-10) || cosine != CosineOf(dot + bound))
        {
            return false;
        }

        now = before with { Cosine = cosine, Dot = dot, DotError = error };
        return true;
    }

    /// <summary><paramref name="before"/> (body <paramref name="a"/>'s text scores of <paramref name="others"/>) with
    /// this similarity's cosines: each moved from its last dot where that is certain (<see cref="TryDrift"/>), else all
    /// summed again.</summary>
    internal TextScore[] Rescored(int a, IReadOnlyList<int> others, TextScore[] before)
    {
        var now = new TextScore[others.Count];
        for (var k = 0; k < others.Count; k++)
        {
            if (!TryDrift(a, others[k], before[k], out now[k]))
            {
                var dots = Dots(a, others);
                for (k = 0; k < others.Count; k++)
                {
                    now[k] = before[k] with { Cosine = CosineOf(dots[k]), Dot = dots[k], DotError = DotError(a, others[k]) };
                }

                break;
            }
        }

        return now;
    }
}
