namespace StaticDossier.Analysis;

/// <summary>Which bodies' candidate searches a save can move, for <see cref="RelatedMemo"/>.</summary>
internal sealed partial class TextSimilarity
{
    /// <summary>The bodies whose candidate search (<see cref="Candidates"/>) may now choose otherwise than in the last build
    /// after the bodies <paramref name="changed"/> did (their words, weights, heaviest words, sampled triples or number); any
    /// other body's search chooses what it chose then. A search sums, for every body it meets, its estimate through the
    /// postings of the heaviest words it walks and the rare sampled triples it holds, and keeps the bodies above a cut. So a
    /// body's search moves only when: a changed body was among its candidates (its score moved, or it may fall out); a word it
    /// walks changed its count of postings and so its walk (the words walked, or their order: the sums are taken in that
    /// order); one of its sampled triples crossed the count where it stops being rare (every holder's estimates of the others
    /// move); or a changed body it meets now has an estimate above its last cut, or tying with it and winning the tie. Null when the triples' postings
    /// cannot say who held a triple (not kept whole).</summary>
    /// <param name="changed">The changed bodies.</param>
    /// <param name="topShifts">By word hash: how many more bodies count it among their heaviest words than in the last build.</param>
    /// <param name="tripleShifts">By sampled triple: how many more bodies sample it than in the last build.</param>
    /// <param name="lastCandidates">Each body's candidates in the last build, numbered as now (null: not known).</param>
    /// <param name="lastCuts">Each body's cut in the last build (<see cref="CutOf"/>).</param>
    /// <param name="exactCuts">Whether each of <paramref name="lastCuts"/> is the cut itself; otherwise it is a floor of it
    /// (the weights drifted since, <see cref="DriftOf"/>), and a changed body reaching it moves the search.</param>
    /// <param name="metBelow">Filled with the highest estimate, in each search that does not move, of a changed body it meets
    /// and does not take.</param>
    internal HashSet<int>? SearchesMoved(
        IReadOnlyCollection<int> changed, IReadOnlyDictionary<long, int> topShifts, IReadOnlyDictionary<long, int> tripleShifts,
        IReadOnlyList<IReadOnlyList<int>?> lastCandidates, IReadOnlyList<double> lastCuts, IReadOnlyList<bool> exactCuts, Dictionary<int, double> metBelow)
    {
        if (!_shinglePostings.KeepsAll)
        {
            return null;
        }

        var (top, postings) = _topTerms.Value;
        var isChanged = new bool[Documents];
        foreach (var x in changed)
        {
            isChanged[x] = true;
        }

        var moved = new HashSet<int>();
        for (var j = 0; j < Documents; j++)
        {
            if (!isChanged[j] && (lastCandidates[j] is not { } candidates || AnyChanged(candidates, isChanged)))
            {
                moved.Add(j);
            }
        }

        var recounted = new Dictionary<int, int>();
        foreach (var (hash, shift) in topShifts)
        {
            if (shift != 0 && _wordIds.Find(hash) is var id and >= 0)
            {
                recounted[id] = shift;
            }
        }

        foreach (var (id, shift) in recounted)
        {
            // A word beyond the budget before and now is walked by no body, and sorts after every word walked.
            var count = postings[id].Documents.Length;
            if (Math.Min(count, count - shift) > PostingBudget)
            {
                continue;
            }

            foreach (var j in postings[id].Documents)
            {
                if (!isChanged[j] && !moved.Contains(j) && WalkMoved(top[j], postings, recounted))
                {
                    moved.Add(j);
                }
            }
        }

        foreach (var (triple, shift) in tripleShifts)
        {
            var holders = _shinglePostings.All(triple);
            if (shift != 0 && (holders.Length <= RareTriple) != (holders.Length - shift <= RareTriple))
            {
                foreach (var j in holders)
                {
                    if (!isChanged[j])
                    {
                        moved.Add(j);
                    }
                }
            }
        }

        foreach (var x in changed)
        {
            var met = new HashSet<int>();
            foreach (var (id, _) in top[x])
            {
                foreach (var j in postings[id].Documents)
                {
                    if (!isChanged[j] && !moved.Contains(j) && Walks(top[j], postings, id))
                    {
                        met.Add(j);
                    }
                }
            }

            foreach (var triple in _sampled[x])
            {
                foreach (var j in _shinglePostings.Of(triple))
                {
                    if (!isChanged[j] && !moved.Contains(j))
                    {
                        met.Add(j);
                    }
                }
            }

            foreach (var j in met)
            {
                // Candidates tied at the cut are taken by number: a body tying enters only before the last one taken.
                var (estimate, cut) = (EstimateIn(j, x, top, postings), lastCuts[j]);
                if (cut == double.MinValue ? estimate > 0
                    : exactCuts[j] ? estimate > cut || (estimate == cut && x < LastTaken(j, cut, lastCandidates[j]!, top, postings))
                    : estimate >= cut)
                {
                    moved.Add(j);
                }
                else
                {
                    metBelow[j] = Math.Max(metBelow.GetValueOrDefault(j), estimate);
                }
            }
        }

        foreach (var j in moved)
        {
            metBelow.Remove(j);
        }

        return moved;
    }

    private static bool AnyChanged(IReadOnlyList<int> candidates, bool[] isChanged)
    {
        for (var k = 0; k < candidates.Count; k++)
        {
            if (isChanged[candidates[k]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when word <paramref name="id"/> is among the heaviest words <paramref name="top"/> of a body that its
    /// search walks (those within <see cref="Visited"/>): one pass, for each posting of a changed body's words.</summary>
    private bool Walks((int Id, double Weight)[] top, (int[] Documents, double[] Weights)[] postings, int id)
    {
        var visited = 0;
        foreach (var (word, _) in top)
        {
            visited += postings[word].Documents.Length;
            if (visited > PostingBudget)
            {
                return false;
            }

            if (word == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the heaviest words <paramref name="top"/> of a body, in walking order now, were walked otherwise
    /// (other words, or in another order) when the words of <paramref name="recounted"/> had that many postings fewer.</summary>
    private bool WalkMoved((int Id, double Weight)[] top, (int[] Documents, double[] Weights)[] postings, Dictionary<int, int> recounted)
    {
        int CountBefore(int id) => postings[id].Documents.Length - recounted.GetValueOrDefault(id);
        var before = Array.ConvertAll(top, t => t.Id);
        Array.Sort(before, (x, y) => CountBefore(x) != CountBefore(y) ? CountBefore(x).CompareTo(CountBefore(y)) : x.CompareTo(y));
        var (visited, walkedBefore) = (0, 0);
        foreach (var id in before)
        {
            visited += CountBefore(id);
            if (visited > PostingBudget)
            {
                break;
            }

            walkedBefore++;
        }

        var walkedNow = Visited(top, postings);
        if (walkedBefore != walkedNow)
        {
            return true;
        }

        for (var i = 0; i < walkedNow; i++)
        {
            if (before[i] != top[i].Id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The highest-numbered of <paramref name="candidates"/> (body <paramref name="j"/>'s) whose estimate equals the
    /// cut: the last tie taken. No changed body is among them (else <paramref name="j"/> is made again), so their estimates
    /// are the last build's. <see cref="int.MaxValue"/> when none ties (not expected: the cut is a candidate's estimate).</summary>
    private int LastTaken(int j, double cut, IReadOnlyList<int> candidates, (int Id, double Weight)[][] top, (int[] Documents, double[] Weights)[] postings)
    {
        for (var k = candidates.Count - 1; k >= 0; k--)
        {
            if (EstimateIn(j, candidates[k], top, postings) == cut)
            {
                return candidates[k];
            }
        }

        return int.MaxValue;
    }

    /// <summary>Body <paramref name="x"/>'s estimate in body <paramref name="j"/>'s candidate search, the very sum
    /// <see cref="Candidates"/> makes: the walked words' products in walking order, then one for each rare sampled triple.</summary>
    private double EstimateIn(int j, int x, (int Id, double Weight)[][] top, (int[] Documents, double[] Weights)[] postings)
    {
        var estimate = 0.0;
        var walk = top[j];
        var walked = Visited(walk, postings);
        for (var i = 0; i < walked; i++)
        {
            var (documents, weights) = postings[walk[i].Id];
            var k = Array.BinarySearch(documents, x);
            if (k >= 0)
            {
                estimate += walk[i].Weight * weights[k];
            }
        }

        // Only the triples both sample can count: a merge of the two sorted arrays.
        var (a, b) = (_sampled[j], _sampled[x]);
        for (int p = 0, q = 0; p < a.Length && q < b.Length;)
        {
            if (a[p] < b[q])
            {
                p++;
            }
            else if (b[q] < a[p])
            {
                q++;
            }
            else
            {
                if (_shinglePostings.Of(a[p]).Length is > 0 and var holders && holders <= RareTriple)
                {
                    estimate += 1.0;
                }

                (p, q) = (p + 1, q + 1);
            }
        }

        return estimate;
    }

    // The words whose weights Update made again (their rounded frequency crossed a step), by id; null when made afresh.
    private bool[]? _reweighedWords;

    // For each body, how its weights drifted since the last similarity when its text did not change (see DriftOf); null
    // when this similarity was not made from the last.
    private readonly Drift[]? _drift;

    // The words whose postings' weights may have moved other than by a body's scale (a reweighed word, or one entering or
    // leaving a body's heaviest), with the highest weight in their postings before or now, and how many times its weight
    // in a body may have been today's apart from the body's scale (its old IDF over its new, at least 1).
    private Dictionary<int, (double Highest, double Ratio)>? _exposed;

    /// <summary>How a body's weights moved when only the IDF of some of its words did: <paramref name="Scale"/>, the largest
    /// relative change of the weight of a word whose IDF stayed (they all move by the same factor, its norm's); whether
    /// its heaviest words are other words now (<paramref name="TopChanged"/>: the postings of those words moved); whether
    /// the words its own candidate search walks are others or in another order (<paramref name="WalkChanged"/>: a word
    /// entering or leaving its heaviest is mostly a common one, beyond the walk's budget, so the walk stays). Scale NaN:
    /// not comparable (its text changed, or its words did, or this similarity was made afresh).</summary>
    internal readonly record struct Drift(double Scale, bool TopChanged, bool WalkChanged)
    {
        public static Drift None { get; } = new(0, false, false);

        public static Drift Unknown { get; } = new(double.NaN, true, true);
    }

    /// <summary>How body <paramref name="d"/>'s weights drifted since the last similarity (see <see cref="Drift"/>).</summary>
    internal Drift DriftOf(int d) => _drift?[d] ?? Drift.Unknown;

    /// <summary>Every body's drift (<see cref="DriftOf"/>) against <paramref name="from"/>'s similarity, whose bodies
    /// <paramref name="changed"/> have new text. A body reweighed without a text change keeps its words and their ids'
    /// order, so its old and new weights pair up index by index.</summary>
    private Drift[] MeasureDrift((bool[] Kept, TextSimilarity Last, int[]? Renumber) from, int[] changed)
    {
        var drift = new Drift[Documents];
        _drifted = new DriftedWeights[Documents];
        foreach (var d in changed)
        {
            drift[d] = Drift.Unknown;
            _drifted[d] = new DriftedWeights(double.NaN, null);
        }

        var reweighedWords = _reweighedWords ?? new bool[_vocabulary];
        var reweighedIds = Enumerable.Range(0, reweighedWords.Length).Where(id => reweighedWords[id]).ToArray();
        var ((top, postings), (lastTop, lastPostings)) = (_topTerms.Value, from.Last._topTerms.Value);
        int Now(int id) => from.Renumber is null ? id : from.Renumber[id];
        var moved = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        Parallel.For(0, Documents, d =>
        {
            if (from.Kept[d] || drift[d] == Drift.Unknown)
            {
                return;
            }

            var scale = _everyBodyMoved ? ScaleWordByWord(d, from.Last._vectors[d], reweighedWords, from.Renumber) : Scale(d, from.Last._vectors[d], reweighedWords, reweighedIds);
            var topChanged = TopChanged(top[d], lastTop[d], from.Renumber, moved);

            // The walk: the rarest-first prefix of its heaviest words within the budget, as the last similarity walked it.
            var (walked, lastWalked) = (Visited(top[d], postings), from.Last.Visited(lastTop[d], lastPostings));
            var walkChanged = walked != lastWalked;
            for (var i = 0; i < walked && !walkChanged; i++)
            {
                walkChanged = Now(lastTop[d][i].Id) != top[d][i].Id;
            }

            drift[d] = double.IsNaN(scale) ? Drift.Unknown : new Drift(scale, topChanged, walkChanged);
        });

        foreach (var id in reweighedIds)
        {
            moved[id] = true;
        }

        // The old ids by new id: a word gone from the dossier has no new id and no body walks it now.
        var oldOf = new int[_vocabulary];
        Array.Fill(oldOf, -1);
        for (var id = 0; id < lastPostings.Length; id++)
        {
            if (Now(id) is var now && now >= 0)
            {
                oldOf[now] = id;
            }
        }

        _exposed = moved.Keys.ToDictionary(
            id => id,
            id => (Math.Max(MaxOf(postings[id].Weights), oldOf[id] >= 0 ? MaxOf(lastPostings[oldOf[id]].Weights) : 0),
                reweighedWords[id] && oldOf[id] >= 0 && from.Last._documentFrequency[oldOf[id]] is var f && f > 0 ? Math.Max(1, Idf(f) / Idf(_documentFrequency[id])) : 1));
        return drift;

        static double MaxOf(double[] weights) => weights.Length == 0 ? 0 : weights.Max();

        double Idf(int frequency) => frequency >= Documents ? 0 : Math.Log((double)Documents / FrequencySteps.Round(frequency, _frequencyBits));
    }

    /// <summary>True when a body's heaviest words now, <paramref name="top"/>, are other words than <paramref name="lastTop"/>
    /// (numbered as before by <paramref name="renumber"/>); each word entering or leaving is put in <paramref name="moved"/>.
    /// Compared as sorted lists of two dozen ids, not each word looked up in the other list.</summary>
    private static bool TopChanged((int Id, double Weight)[] top, (int Id, double Weight)[] lastTop, int[]? renumber, System.Collections.Concurrent.ConcurrentDictionary<int, bool> moved)
    {
        // Mostly the very words in the very order (the same weights' order, the same counts of postings).
        var same = top.Length == lastTop.Length;
        for (var i = 0; i < top.Length && same; i++)
        {
            same = top[i].Id == (renumber is null ? lastTop[i].Id : renumber[lastTop[i].Id]);
        }

        if (same)
        {
            return false;
        }

        Span<int> now = top.Length <= 64 ? stackalloc int[top.Length] : new int[top.Length];
        Span<int> then = lastTop.Length <= 64 ? stackalloc int[lastTop.Length] : new int[lastTop.Length];
        for (var i = 0; i < top.Length; i++)
        {
            now[i] = top[i].Id;
        }

        for (var i = 0; i < lastTop.Length; i++)
        {
            then[i] = renumber is null ? lastTop[i].Id : renumber[lastTop[i].Id];
        }

        Sort(now);
        Sort(then);
        var changed = top.Length != lastTop.Length;
        for (int i = 0, j = 0; i < now.Length || j < then.Length;)
        {
            if (j == then.Length || (i < now.Length && now[i] < then[j]))
            {
                (changed, moved[now[i]]) = (true, true);
                i++;
            }
            else if (i == now.Length || then[j] < now[i])
            {
                // A word gone from the dossier (-1) is in no body's list now.
                if (then[j] >= 0)
                {
                    (changed, moved[then[j]]) = (true, true);
                }

                j++;
            }
            else
            {
                (i, j) = (i + 1, j + 1);
            }
        }

        return changed;

        // An insertion sort: two dozen ids (a general sort's set-up costs more here).
        static void Sort(Span<int> ids)
        {
            for (var i = 1; i < ids.Length; i++)
            {
                var (id, at) = (ids[i], i);
                for (; at > 0 && ids[at - 1] > id; at--)
                {
                    ids[at] = ids[at - 1];
                }

                ids[at] = id;
            }
        }
    }

    /// <summary>How far body <paramref name="j"/>'s candidate-search estimates may have moved other than by the bodies'
    /// scales (<see cref="Drift.Scale"/>): for each word it walks whose postings' weights moved otherwise (reweighed, or
    /// entering or leaving a body's heaviest), the highest its own weight was then or is now times the highest in those
    /// postings then or now (a product of two weights moved by at most the larger of the two products).</summary>
    internal double Exposure(int j)
    {
        if (_exposed is null || _exposed.Count == 0)
        {
            return 0;
        }

        var (top, postings) = _topTerms.Value;
        var scale = DriftOf(j).Scale;
        var exposure = 0.0;
        var walk = top[j];
        var walked = Visited(walk, postings);
        for (var i = 0; i < walked; i++)
        {
            if (_exposed.TryGetValue(walk[i].Id, out var moved))
            {
                exposure += walk[i].Weight * moved.Ratio / (1 - scale) * moved.Highest;
            }
        }

        return double.IsNaN(exposure) || scale >= 1 ? double.PositiveInfinity : exposure * (1 + 1e-9);
    }

    /// <summary>The cosines of <paramref name="a"/> with each of <paramref name="others"/> (<see cref="Compare(int, IReadOnlyList{int})"/>'s, which
    /// adds the containments): <paramref name="a"/>'s weights are spread into a dense per-thread array once, so each
    /// cosine is a run of loads rather than a merge.</summary>
    internal double[] Cosines(int a, IReadOnlyList<int> others)
    {
        var cosines = Dots(a, others);
        for (var k = 0; k < cosines.Length; k++)
        {
            cosines[k] = CosineOf(cosines[k]);
        }

        return cosines;
    }
}
