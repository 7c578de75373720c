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
    internal HashSet<int>? SearchesMoved(
        IReadOnlyCollection<int> changed, IReadOnlyDictionary<long, int> topShifts, IReadOnlyDictionary<long, int> tripleShifts,
        IReadOnlyList<IReadOnlyList<int>?> lastCandidates, IReadOnlyList<double> lastCuts)
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
            if (!isChanged[j] && (lastCandidates[j] is not { } candidates || candidates.Any(x => isChanged[x])))
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
                    if (!isChanged[j] && !moved.Contains(j) && Array.FindIndex(top[j], 0, Visited(top[j], postings), t => t.Id == id) >= 0)
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
                if (cut == double.MinValue ? estimate > 0 : estimate > cut || (estimate == cut && x < LastTaken(j, cut, lastCandidates[j]!, top, postings)))
                {
                    moved.Add(j);
                }
            }
        }

        return moved;
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
}
