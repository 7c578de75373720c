using System.Runtime.InteropServices;
using StaticDossier.Rendering;

namespace StaticDossier.Analysis;

/// <summary>What a long-lived builder (<c>serve</c>) keeps of the related-article lists between builds of a large
/// dossier, so that a save computes again only the lists it can change; each list is exactly what a full build makes.
/// <para>A list (<see cref="RelatedArticles.Choose"/>, beyond <see cref="RelatedArticles.ExactUpTo"/> articles) reads: the
/// candidates its text search chose (<see cref="TextSimilarity.Candidates"/>), their cosines and containments; the people
/// and tags shared with it; and the links and shared names of the five kept. So after a save, a list is made again when its
/// article is "changed": a body whose text changed, or whose weights moved because the rounded share of bodies having one
/// of its words did (<see cref="FrequencySteps"/>), or which is at another place in the timeline (the candidate search
/// breaks ties by body number); when its candidate search may choose otherwise (<see cref="TextSimilarity.SearchesMoved"/>:
/// a changed body among its candidates, its walk reordered, a triple of it no longer or newly rare, or a changed body's
/// estimate reaching its last cut); when its people or tags changed, or it holds one an article gained or lost; or when its
/// last list named an article whose link or names changed. Anything else (an article added or removed, new labels, a word
/// now or before in every body, a small dossier's all-pairs pass, or a quarter of the dossier reweighed) makes every list
/// again.</para></summary>
internal sealed class RelatedMemo
{
    private State? _last;

    /// <summary>Lists made (not kept) by the last build.</summary>
    public int Made { get; private set; }

    /// <summary>Every article's related list: the last build's where nothing it reads changed, else <paramref name="make"/>'s
    /// (with what it was chosen from); <paramref name="urlRank"/> is each article's rank by URL, the lists' tie-breaker.</summary>
    public List<ArticleLink>[] Lists(
        List<ArticleView> articles, IReadOnlyList<string> keys, TextSimilarity similarity, RelatedLabels labels, int[] urlRank,
        Func<int, (List<ArticleLink> List, ListScores? Scores)> make)
    {
        var stage = Building.BuildTimings.Time("  related: state");
        var now = new State(
            [.. articles.Select(a => a.Url)],
            [.. keys],
            [.. articles.Select(a => a.People)],
            [.. articles.Select(a => a.Tags)],
            [.. articles.Select(a => a.ToLink())],
            labels,
            similarity.EveryTriple)
        {
            TopWords = similarity.EveryTriple ? [] : [.. Enumerable.Range(0, articles.Count).Select(similarity.TopWordHashesOf)],
        };
        Why = _last is null ? "first build" : "not comparable (articles added or removed, labels, a small dossier)";
        var last = _last is null ? null : InOrderOf(_last, now, out _relocated);
        stage.Dispose();
        stage = Building.BuildTimings.Time("  related: reach");
        var carried = last is null ? null : new Carried((SearchMargin[])last.Margins.Clone(), (bool[])last.Exact.Clone(), (ListScores?[])last.Scores.Clone(), (SearchBand?[])last.Bands.Clone());
        var again = last is not null ? Affected(last, now, similarity, urlRank, carried!) : null;
        stage.Dispose();
        stage = Building.BuildTimings.Time("  related: lists made");
        var related = new List<ArticleLink>[articles.Count];
        var scores = new ListScores?[articles.Count];
        Parallel.For(0, related.Length, i =>
        {
            if (again is null || again[i])
            {
                (related[i], scores[i]) = make(i);
            }
            else
            {
                (related[i], scores[i]) = (last!.Related[i], carried!.Scores[i]);
            }
        });
        stage.Dispose();
        stage = Building.BuildTimings.Time("  related: kept for the next");
        Made = again is null ? related.Length : again.Count(a => a);
        Building.BuildTimings.Note("model: related lists", $"{Made} of {related.Length} made ({(again is null ? Why : "reached")})");
        bool Again(int i) => again is null || again[i];
        _last = now with
        {
            Related = related,
            Candidates = [.. related.Select((_, i) => Again(i) ? similarity.CandidatesOf(i) : last!.Candidates[i])],
            Margins = [.. related.Select((_, i) => Again(i) ? similarity.MarginOf(i) : carried!.Margins[i])],
            Exact = [.. related.Select((_, i) => Again(i) || carried!.Exact[i])],
            Bands = [.. related.Select((_, i) => Again(i) ? similarity.BandOf(i) : carried!.Bands[i])],
            Scores = scores,
        };
        stage.Dispose();
        return related;
    }

    /// <summary>Why the last build made every list (for the timings).</summary>
    public string Why { get; private set; } = string.Empty;

    /// <summary>Forgets the last build (its lists were never published).</summary>
    public void Forget() => _last = null;

    // The bodies at another place in the timeline than in the last build (a title or date edit moves an article past others).
    private List<int> _relocated = [];

    /// <summary>The last build's state in the order of <paramref name="now"/> when both have the same articles (by URL),
    /// with the bodies now at another index in <paramref name="relocated"/>; null when they cannot be compared.</summary>
    private static State? InOrderOf(State last, State now, out List<int> relocated)
    {
        relocated = [];
        if (now.EveryTriple || last.EveryTriple || last.Urls.Length != now.Urls.Length || last.Labels != now.Labels)
        {
            return null;
        }

        if (last.Urls.AsSpan().SequenceEqual(now.Urls))
        {
            return last;
        }

        var at = new Dictionary<string, int>(last.Urls.Length, StringComparer.Ordinal);
        for (var i = 0; i < last.Urls.Length; i++)
        {
            at[last.Urls[i]] = i;
        }

        var from = new int[now.Urls.Length];
        for (var i = 0; i < from.Length; i++)
        {
            if (!at.TryGetValue(now.Urls[i], out from[i]))
            {
                return null;
            }

            if (from[i] != i)
            {
                relocated.Add(i);
            }
        }

        // Candidates are body numbers: renumbered, and kept ascending as the candidate search gives them.
        var to = new int[from.Length];
        for (var i = 0; i < from.Length; i++)
        {
            to[from[i]] = i;
        }

        T[] Moved<T>(T[] values) => [.. from.Select(j => values[j])];
        var renumbered = from.Select(j => Renumbered(last.Candidates[j], last.Scores[j], to)).ToArray();
        return new State(Moved(last.Urls), Moved(last.Keys), Moved(last.People), Moved(last.Tags), Moved(last.Links), last.Labels, last.EveryTriple)
        {
            Related = Moved(last.Related),
            Candidates = [.. renumbered.Select(r => r.Candidates)],
            Scores = [.. renumbered.Select(r => r.Scores)],
            TopWords = Moved(last.TopWords),
            Margins = Moved(last.Margins),
            Exact = Moved(last.Exact),
            // Bands name bodies by number: not renumbered (a search whose margins do not hold walks again).
            Bands = new SearchBand?[from.Length],
        };
    }

    /// <summary>A list's candidates and what it was chosen from, with the bodies renumbered by <paramref name="to"/>: the
    /// candidates ascending again, their text scores in the same order.</summary>
    private static (IReadOnlyList<int>? Candidates, ListScores? Scores) Renumbered(IReadOnlyList<int>? candidates, ListScores? scores, int[] to)
    {
        if (candidates is null)
        {
            return (null, null);
        }

        var order = Enumerable.Range(0, candidates.Count).OrderBy(k => to[candidates[k]]).ToArray();
        return (
            order.Select(k => to[candidates[k]]).ToList(),
            scores is null ? null : new ListScores([.. order.Select(k => scores.Text[k])], [.. scores.Kept.Select(x => (to[x.Index], x.Terms))]));
    }

    /// <summary>What a save changes of the last build's search cuts and chosen-from scores for the lists it keeps
    /// (copies, in the order of now).</summary>
    private sealed record Carried(SearchMargin[] Margins, bool[] Exact, ListScores?[] Scores, SearchBand?[] Bands);

    /// <summary>Which lists to make again (see the class); null for all.</summary>
    private bool[]? Affected(State last, State now, TextSimilarity similarity, int[] urlRank, Carried carried)
    {
        var count = now.Urls.Length;
        var again = new bool[count];
        var (drifted, drifts, scale) = (new List<int>(), (TextSimilarity.Drift[]?)null, 0.0);
        var (factors, exposures, cuts) = (new double[count], new double[count], new double[count]);
        var metBelow = new Dictionary<int, double>();
        var textChanged = Enumerable.Range(0, count).Where(i => !string.Equals(last.Keys[i], now.Keys[i], StringComparison.Ordinal)).ToList();
        var namesChanged = Enumerable.Range(0, count).Where(i => !Same(last.People[i], now.People[i]) || !Same(last.Tags[i], now.Tags[i])).ToList();
        var linkChanged = namesChanged.Concat(Enumerable.Range(0, count).Where(i => last.Links[i] != now.Links[i])).ToHashSet();

        if (textChanged.Count > 0 || _relocated.Count > 0)
        {
            // A word's share of bodies changes only through the bodies whose text changed.
            var shifts = new Dictionary<long, int>();
            var tripleShifts = new Dictionary<long, int>();
            foreach (var i in textChanged)
            {
                var (before, triplesBefore) = TextSimilarity.Features(last.Keys[i]);
                var (after, triplesAfter) = TextSimilarity.Features(now.Keys[i]);
                foreach (var word in before)
                {
                    shifts[word] = shifts.GetValueOrDefault(word) - 1;
                }

                foreach (var word in after)
                {
                    shifts[word] = shifts.GetValueOrDefault(word) + 1;
                }

                foreach (var triple in triplesBefore)
                {
                    tripleShifts[triple] = tripleShifts.GetValueOrDefault(triple) - 1;
                }

                foreach (var triple in triplesAfter)
                {
                    tripleShifts[triple] = tripleShifts.GetValueOrDefault(triple) + 1;
                }

                again[i] = true;
            }

            // Only a word whose rounded frequency moved reweighs the bodies holding it (FrequencySteps).
            var reweighed = shifts.Where(s => similarity.Reweighs(s.Key, s.Value)).Select(s => s.Key).ToHashSet();
            foreach (var word in reweighed)
            {
                // A word in every body is left out of every vector: one entering or leaving that state moves them all.
                var frequency = similarity.DocumentFrequency(word);
                if (frequency >= count || frequency - shifts[word] >= count)
                {
                    Why = "a word entering or leaving every body";
                    return null;
                }
            }

            // A body reweighed with its text unchanged has only drifted (see RelatedDrift): the lists it touches are judged
            // below from their margins, and its own searched again when the words it walks changed. Any other counts as changed.
            var reweighedBodies = similarity.DocumentsWithWords(reweighed);
            var hard = new bool[count];
            foreach (var d in textChanged.Concat(_relocated))
            {
                hard[d] = true;
            }

            var moved = new List<int>();
            foreach (var d in reweighedBodies)
            {
                if (hard[d])
                {
                    continue;
                }

                var drift = similarity.DriftOf(d);
                if (double.IsNaN(drift.Scale))
                {
                    moved.Add(d);
                }
                else
                {
                    drifts ??= new TextSimilarity.Drift[count];
                    drifts[d] = drift;
                    drifted.Add(d);
                }
            }

            if (moved.Count > count / 4)
            {
                var crossing = reweighed.Select(w => (Now: similarity.DocumentFrequency(w), Shift: shifts[w])).OrderByDescending(f => f.Now).Take(3);
                Why = $"{moved.Count} bodies reweighed by {reweighed.Count} words (their heaviest words changed), the commonest held by {string.Join(", ", crossing.Select(f => $"{f.Now - f.Shift} -> {f.Now}"))} bodies";
                return null;
            }

            // A body at another place keeps its text, but its number decides the ties of the candidate searches meeting it.
            var changed = textChanged.Concat(moved).Concat(_relocated).Distinct().ToList();
            foreach (var d in changed)
            {
                again[d] = true;
            }

            // The other bodies' candidate searches meet a changed one through the postings of the heaviest words they walk
            // (rarest first: a word whose count of postings moved can reorder a walk) and of the rare triples they sample.
            var postingShifts = new Dictionary<long, int>();
            foreach (var d in changed.Concat(drifted.Where(d => drifts![d].TopChanged)))
            {
                foreach (var word in last.TopWords[d])
                {
                    postingShifts[word] = postingShifts.GetValueOrDefault(word) - 1;
                }

                foreach (var word in now.TopWords[d])
                {
                    postingShifts[word] = postingShifts.GetValueOrDefault(word) + 1;
                }
            }

            // Drift moves every estimate of a search by at most a factor near 1, and by the exposure of the words it walks:
            // its cut is known within that (a floor).
            scale = drifted.Count == 0 ? 0 : drifted.Max(d => drifts![d].Scale);
            for (var j = 0; j < count; j++)
            {
                if (drifted.Count > 0)
                {
                    (factors[j], exposures[j]) = (RelatedDrift.EstimateFactor(drifts![j].Scale, scale), similarity.Exposure(j));
                }

                var margin = carried.Margins[j] = last.Margins[j].Drifted(factors[j]);
                carried.Exact[j] = factors[j] == 0 && exposures[j] == 0 && last.Exact[j];
                cuts[j] = margin.TookAll ? double.MinValue : margin.Cut - exposures[j];
            }

            if (similarity.SearchesMoved(changed, postingShifts, tripleShifts, last.Candidates, cuts, carried.Exact, metBelow) is not { } searches)
            {
                Why = "the triples' postings not kept whole";
                return null;
            }

            foreach (var d in searches)
            {
                again[d] = true;
            }

            Building.BuildTimings.Note("model: related lists", $"text changed {textChanged.Count}, relocated {_relocated.Count}, words reweighed {reweighed.Count}, bodies reweighed {moved.Count} (and {drifted.Count} drifted), candidate searches moved {searches.Count}");
        }

        if (namesChanged.Count > 0)
        {
            // Another list reads an article's people and tags through the score of those it shares with it (and their
            // names, in its reason): only a body holding a person or tag the article gained or lost sees it change. (A
            // renamed term changes the names of every body holding it, so those are among the changed.) Such a body's list
            // stays when the article was neither kept nor a text candidate there and its new score from names alone stays
            // below the weakest kept: a body not made again for its text has the last build's candidates, and the scores
            // of those are the last build's (a changed candidate made it again).
            var changers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var i in namesChanged)
            {
                again[i] = true;
                var before = last.People[i].Concat(last.Tags[i]).Select(t => t.Url).ToHashSet(StringComparer.Ordinal);
                before.SymmetricExceptWith(now.People[i].Concat(now.Tags[i]).Select(t => t.Url));
                foreach (var url in before)
                {
                    (CollectionsMarshal.GetValueRefOrAddDefault(changers, url, out _) ??= []).Add(i);
                }
            }

            var index = new Lazy<Dictionary<string, int>>(() => now.Urls.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal));
            // With no text changed and no body moved, every body's weights are the last build's, and so are the text scores
            // the kept lists were chosen from.
            var scoresKept = textChanged.Count == 0 && _relocated.Count == 0;
            var reached = new List<int>();
            for (var d = 0; d < count; d++)
            {
                if (again[d])
                {
                    continue;
                }

                reached.Clear();
                Reached(now.People[d], changers, reached);
                Reached(now.Tags[d], changers, reached);
                if (reached.Count > 0 && !StaysWithout(d, reached, last, now, similarity, index, scoresKept ? carried.Scores[d] : null))
                {
                    again[d] = true;
                }
            }
        }

        if (linkChanged.Count > 0)
        {
            var urls = linkChanged.Select(i => now.Urls[i]).ToHashSet(StringComparer.Ordinal);
            for (var d = 0; d < count; d++)
            {
                if (last.Related[d].Any(link => urls.Contains(link.Url)))
                {
                    again[d] = true;
                }
            }
        }

        // A changed body met and left out is now one of the search's moving estimates left out; one that may have come
        // near the cut is not in its band (found before), which then says nothing.
        foreach (var (j, estimate) in metBelow)
        {
            carried.Margins[j] = carried.Margins[j].Left(estimate, moving: true);
            if (carried.Bands[j] is { } band && !(estimate < band.Low))
            {
                carried.Bands[j] = null;
            }
        }

        if (drifted.Count > 0)
        {
            var isDrifted = new bool[count];
            foreach (var d in drifted)
            {
                isDrifted[d] = true;
            }

            using var stage = Building.BuildTimings.Time("  related: reach: drifted lists");
            var (kept, banded, searched) = Stood(last, now, similarity, urlRank, carried, again, isDrifted, drifts!, factors, exposures);
            Building.BuildTimings.Note("model: related lists", $"{drifted.Count} bodies drifted ({drifted.Count(d => drifts![d].TopChanged)} with other heaviest words, {drifted.Count(d => drifts![d].WalkChanged)} walking others; scales by at most {scale:G3}; {exposures.Count(e => e > 0)} searches walk an exposed word): {kept} lists stand on their margins, {banded} on the bodies near their cut, {searched} after searching again, {again.Count(a => a)} made");
        }

        return again;
    }

    /// <summary>Judges every list not yet to be made again when weights drifted (<see cref="RelatedDrift"/>): it stands when
    /// its search takes the same bodies (known from its margins, else from the bodies near its cut, else by searching again)
    /// and they give the same list;
    /// <paramref name="carried"/> then holds its new cut (or floor), its left-out estimate (or ceiling) and its candidates'
    /// scores. Returns how many stood on their margins, on the bodies near their cut, and after searching again.</summary>
    private static (int Kept, int Banded, int Searched) Stood(
        State last, State now, TextSimilarity similarity, int[] urlRank, Carried carried, bool[] again, bool[] isDrifted, TextSimilarity.Drift[] drifts, double[] factors,
        double[] exposures)
    {
        var (kept, banded, searched) = (0, 0, 0);
        Parallel.For(0, again.Length, j =>
        {
            if (again[j] || last.Candidates[j] is not { } candidates || carried.Scores[j] is not { } scores)
            {
                again[j] = true;
                return;
            }

            // A walked word whose postings moved otherwise than by scale (exposure) could bring a body in, and a body whose
            // walk changed (other heaviest words walked, or in another order) meets others: searched again. One whose
            // heaviest words changed beyond its walk meets the same bodies through the same words: it stands on its
            // margins when they are far enough apart, else on the bodies near its cut summed again, else it is searched again.
            var same = !drifts[j].WalkChanged && exposures[j] == 0;
            var onMargins = same && (factors[j] == 0 || carried.Margins[j].Separated);
            var band = carried.Bands[j];
            var (onBand, taken, left) = (false, 0.0, 0.0);
            if (onMargins)
            {
                carried.Bands[j] = band?.Drifted(factors[j]);
            }
            else if (same && band is not null && similarity.Holds(j, band, candidates, factors[j], out var judged, out taken, out left))
            {
                (onBand, carried.Bands[j]) = (true, judged);
            }
            else if (!similarity.Candidates(j, RelatedArticles.TextCandidates).SequenceEqual(candidates))
            {
                again[j] = true;
                return;
            }

            // Cosines move only with a body that drifted: the list's own or a candidate's.
            if (isDrifted[j] || candidates.Any(c => isDrifted[c]))
            {
                // No other article can share more than all of this one's people (two each) and tags (one each).
                var maxTerms = (2 * now.People[j].Count) + now.Tags[j].Count;
                if (!RelatedDrift.Stands(candidates, scores, similarity.Rescored(j, candidates, scores.Text), urlRank, maxTerms, out var rescored))
                {
                    again[j] = true;
                    return;
                }

                carried.Scores[j] = rescored;
            }

            if (onMargins)
            {
                Interlocked.Increment(ref kept);
            }
            else if (onBand)
            {
                // Bounds of every estimate taken and left out: its margins within them.
                var margin = carried.Margins[j];
                carried.Margins[j] = margin with { MovingTaken = Math.Max(margin.MovingTaken, taken), MovingLeft = Math.Min(margin.MovingLeft, left) };
                Interlocked.Increment(ref banded);
            }
            else
            {
                (carried.Margins[j], carried.Exact[j], carried.Bands[j]) = (similarity.MarginOf(j), true, similarity.BandOf(j));
                Interlocked.Increment(ref searched);
            }
        });

        return (kept, banded, searched);
    }

    /// <summary>True when body <paramref name="j"/>'s last list stands although the articles <paramref name="reached"/>
    /// gained or lost a person or tag it holds (and no text changed): its list was full, none of them was kept in it or
    /// among its text candidates, and the score each now has from shared names alone is below that of the weakest kept.
    /// <para>With <paramref name="scores"/> (what the list was chosen from, when no text changed since), the kept articles'
    /// scores are read there: the names they share with body <paramref name="j"/> are the same (one that gained or lost a
    /// name <paramref name="j"/> holds is among those reached, and a list keeping one of those falls).</para></summary>
    private static bool StaysWithout(int j, List<int> reached, State last, State now, TextSimilarity similarity, Lazy<Dictionary<string, int>> index, ListScores? scores)
    {
        var kept = last.Related[j];
        if (kept.Count < RelatedArticles.MaxRelated || last.Candidates[j] is not { } candidates)
        {
            return false;
        }

        foreach (var x in reached)
        {
            if (candidates.Contains(x) || kept.Any(link => link.Url == now.Urls[x]))
            {
                return false;
            }
        }

        var weakest = double.MaxValue;
        if (scores is not null && scores.Kept.Length == kept.Count)
        {
            foreach (var (k, terms) in scores.Kept)
            {
                var at = candidates is List<int> list ? list.BinarySearch(k) : IndexOf(candidates, k);
                var score = at >= 0 ? RelatedArticles.Score(scores.Text[at].Cosine, scores.Text[at].Containment, terms) ?? 0 : terms;
                weakest = Math.Min(weakest, score);
            }
        }
        else
        {
            foreach (var link in kept)
            {
                var k = index.Value[link.Url];
                var names = NameScore(now, j, k);
                var score = candidates.Contains(k) && similarity.Compare(j, [k])[0] is var (cosine, containment)
                    ? RelatedArticles.Score(cosine, containment, names) ?? 0
                    : names;
                weakest = Math.Min(weakest, score);
            }
        }

        foreach (var x in reached)
        {
            if (NameScore(now, j, x) >= weakest)
            {
                return false;
            }
        }

        return true;

        static int IndexOf(IReadOnlyList<int> candidates, int k)
        {
            for (var at = 0; at < candidates.Count; at++)
            {
                if (candidates[at] == k)
                {
                    return at;
                }
            }

            return -1;
        }
    }

    /// <summary>The same names in the same order (most articles keep the very list: the model memo hands it on).</summary>
    private static bool Same(IReadOnlyList<TermLink> last, IReadOnlyList<TermLink> now) => ReferenceEquals(last, now) || last.SequenceEqual(now);

    /// <summary>Adds to <paramref name="reached"/> the articles that gained or lost one of <paramref name="terms"/>, each once.</summary>
    private static void Reached(IReadOnlyList<TermLink> terms, Dictionary<string, List<int>> changers, List<int> reached)
    {
        for (var t = 0; t < terms.Count; t++)
        {
            if (changers.TryGetValue(terms[t].Url, out var articles))
            {
                foreach (var x in articles)
                {
                    if (!reached.Contains(x))
                    {
                        reached.Add(x);
                    }
                }
            }
        }
    }

    /// <summary>What <see cref="RelatedArticles.For"/> scores the people (two each) and tags (one each) two articles share.</summary>
    private static int NameScore(State state, int a, int b) => (2 * Shared(state.People[a], state.People[b])) + Shared(state.Tags[a], state.Tags[b]);

    /// <summary>How many distinct URLs of <paramref name="mine"/> <paramref name="theirs"/> holds (lists of a few terms).</summary>
    private static int Shared(IReadOnlyList<TermLink> mine, IReadOnlyList<TermLink> theirs)
    {
        var shared = 0;
        for (var i = 0; i < mine.Count; i++)
        {
            if (Holds(theirs, mine[i].Url, theirs.Count) && !Holds(mine, mine[i].Url, i))
            {
                shared++;
            }
        }

        return shared;

        static bool Holds(IReadOnlyList<TermLink> terms, string url, int before)
        {
            for (var k = 0; k < before; k++)
            {
                if (string.Equals(terms[k].Url, url, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>What one build's lists were made from, by article in timeline order.</summary>
    private sealed record State(string[] Urls, string[] Keys, IReadOnlyList<TermLink>[] People, IReadOnlyList<TermLink>[] Tags, ArticleLink[] Links, RelatedLabels Labels, bool EveryTriple)
    {
        public List<ArticleLink>[] Related { get; init; } = [];

        /// <summary>The text candidates each list compared (<see cref="TextSimilarity.CandidatesOf"/>).</summary>
        public IReadOnlyList<int>?[] Candidates { get; init; } = [];

        /// <summary>The margins of each list's candidate search (<see cref="TextSimilarity.MarginOf"/>; its cut is the
        /// estimate a body had to pass to be a candidate), or bounds of them where <see cref="Exact"/> is false (weights
        /// drifted since): the taken lowered, the left out raised.</summary>
        public SearchMargin[] Margins { get; init; } = [];

        /// <summary>Whether each of <see cref="Margins"/> is the search's own.</summary>
        public bool[] Exact { get; init; } = [];

        /// <summary>The bodies near each search's cut and how far estimates drifted since (<see cref="SearchBand"/>; null: none).</summary>
        public SearchBand?[] Bands { get; init; } = [];

        /// <summary>What each list was chosen from (<see cref="RelatedArticles.Choose"/>).</summary>
        public ListScores?[] Scores { get; init; } = [];

        /// <summary>Each body's heaviest words' hashes (<see cref="TextSimilarity.TopWordHashesOf"/>).</summary>
        public long[][] TopWords { get; init; } = [];
    }
}
