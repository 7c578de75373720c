using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticDossier.Analysis;

/// <summary>How alike article bodies are, over folded words (case and diacritics ignored). Two measures:
/// TF-IDF cosine over words, for topical closeness; and containment of word triples (shingles), for the
/// same report published twice in different words around shared sentences. Words are numbered by the
/// rank of a hash of their spelling, and features kept as sorted arrays, so every comparison is a merge in a fixed order:
/// deterministic, and fast enough for all pairs of a few thousand articles.</summary>
internal sealed partial class TextSimilarity
{
    private const int ShingleSize = 3;
    private readonly (int[] Ids, double[] Weights)[] _vectors;

    // Each body's text, its distinct word hashes (in order of first use) with, for each word in turn, its index among
    // them (what its triples are made of), and its distinct word ids ascending with how often each occurs.
    private readonly string[] _keys;
    private readonly long[][] _distinct;
    private readonly int[][] _local;
    private readonly (int[] Ids, int[] Counts)[] _counts;
    private readonly Limits _limits;
    private readonly int _frequencyBits;

    // Each word id's hash (ids are the ranks of these): triples are made of the hashes, so one new word in the dossier,
    // which moves the rank of every word above it, leaves every other body's triples, and its eighth sampled, as they were.
    private readonly long[] _wordHashes;
    private readonly long[]?[] _shingles;
    private readonly long[][] _sampled;
    private readonly (int[] Documents, double[] Weights)[] _wordPostings;
    private readonly int _vocabulary;
    private readonly ShinglePostings _shinglePostings;
    private readonly bool _everyTriple;

    // Whether candidate searches keep their bands (for a memo's next similarity: serve).
    private readonly bool _keepBands;
    private readonly WordTable _wordIds;
    private readonly int[] _documentFrequency;

    /// <summary>Prepares <paramref name="keys"/>: texts already folded by <see cref="TermMatcher.Key(string)"/>
    /// (lower case, no diacritics, words separated by single spaces).</summary>
    /// <param name="keys">The folded texts.</param>
    /// <param name="everyTriple">Index every word triple, for <see cref="Accumulate"/>; otherwise only a fixed
    /// eighth of them (by hash), enough for <see cref="Candidates"/> to find bodies sharing dozens of triples.</param>
    /// <param name="memo">Kept by a long-lived builder: each text's words, and the last similarity it made, which a large
    /// dossier's next is made from when few texts changed (the same values as made afresh).</param>
    /// <param name="limits">The candidate search's walk budget and rare-triple count (tests lower them to reach their edges on a small dossier).</param>
    public TextSimilarity(IReadOnlyList<string> keys, bool everyTriple = true, Memo? memo = null, Limits? limits = null)
        : this([.. keys], null, everyTriple, memo, limits)
    {
    }

    /// <summary>Prepares texts from their words (<see cref="Words.Of"/> of each folded text), for a build without a memo:
    /// each text's words are taken as it is folded, so the folded texts (some 0.8 GB at 100,000 articles) are never all
    /// held at once, and none is kept.</summary>
    internal TextSimilarity(Words[] words, bool everyTriple = true, Limits? limits = null)
        : this([], words, everyTriple, null, limits)
    {
    }

    private TextSimilarity(string[] keys, Words[]? words, bool everyTriple, Memo? memo, Limits? limits)
    {
        _limits = limits ?? Limits.Default;
        (PostingBudget, RareTriple, _frequencyBits) = _limits;
        _everyTriple = everyTriple;
        var n = words?.Length ?? keys.Length;
        _keys = keys;
        _chosen = new List<int>?[n];
        _cuts = new double[n];
        _margins = new SearchMargin[n];
        (_bands, _keepBands) = (new SearchBand?[n], memo is not null);
        (_distinct, _local, _counts) = (new long[n][], new int[n][], new (int[], int[])[n]);
        _vectors = new (int[], double[])[n];
        _shingles = new long[n][];
        _sampled = new long[n][];
        var last = memo?.Last is { } known && !everyTriple && !known._everyTriple && known._limits == _limits && known._keys.Length == n ? known : null;
        var changed = last is null ? Array.Empty<int>() : Enumerable.Range(0, n).Where(d => !string.Equals(keys[d], last._keys[d], StringComparison.Ordinal)).ToArray();
        var update = last is not null && changed.Length <= n / 8;
        var stage = Building.BuildTimings.Time(update ? "  similarity: words, weights (update)" : "  similarity: words, weights");
        (bool[] Kept, TextSimilarity Last, int[]? Renumber)? reweighed = null;
        if (update)
        {
            (_wordHashes, _wordIds, _documentFrequency, var kept) = Update(last!, changed, memo!);
            MadeFromLast = true;
            reweighed = kept;
            _topTerms = new(() => BuildTopTerms(kept));
        }
        else
        {
            (_wordHashes, _wordIds, _documentFrequency) = Make(words ?? Of(keys, memo), keepCounts: memo is not null);
            _topTerms = new(() => BuildTopTerms(null));
        }

        stage.Dispose();
        stage = Building.BuildTimings.Time("  similarity: triple postings");
        _vocabulary = _wordIds.Count;
        _shinglePostings = everyTriple ? new ShinglePostings(_shingles!, 1, int.MaxValue)
            : update && last!._shinglePostings.KeepsAll && last._shinglePostings.Moved <= Math.Max(4096, 8 * n)
                ? last._shinglePostings.Update(changed.Select(d => (d, last._sampled[d], _sampled[d])))
                : new ShinglePostings(_sampled, 2, RareTriple, keepAll: memo is not null);
        _wordPostings = everyTriple ? WordPostings(_vectors, _vocabulary) : [];
        if (!everyTriple)
        {
            // Built now, on every core, rather than on first use while the other threads wait for it.
            stage.Dispose();
            stage = Building.BuildTimings.Time("  similarity: heaviest words");
            _ = _topTerms.Value;
            if (reweighed is { } from)
            {
                _drift = MeasureDrift(from, changed);
            }

            if (memo is not null)
            {
                memo.Last = this;
            }
        }

        stage.Dispose();
    }

    /// <summary>True when this was made from the memo's last similarity (for tests).</summary>
    internal bool MadeFromLast { get; }

    /// <summary>Each folded text's words, on every core.</summary>
    private static Words[] Of(string[] keys, Memo? memo)
    {
        var words = new Words[keys.Length];
        Parallel.For(0, keys.Length, d => words[d] = memo is null ? Words.Of(keys[d]) : memo.Of(keys[d]));
        return words;
    }

    /// <summary>Every body's weights and triples, made afresh from its words.</summary>
    /// <param name="words">Each body's words.</param>
    /// <param name="keepCounts">Whether each body's word counts are kept once it is weighed: only a memo's next
    /// similarity reads them (some 80 MB at 100,000 articles, live through the related lists otherwise).</param>
    private (long[] Hashes, WordTable Ids, int[] DocumentFrequency) Make(Words[] words, bool keepCounts)
    {
        // Words are numbered by the rank of a 64-bit hash of their spelling: tokenising and counting run on
        // every core, and only the distinct hashes meet in one place. (Two words sharing a hash would merely count as one.)
        var n = words.Length;
        var hashes = Vocabulary(words);
        var wordIds = new WordTable(hashes);
        Parallel.For(0, n, d =>
        {
            var (distinct, numbers, local) = words[d];
            var ids = Array.ConvertAll(distinct, wordIds.Id);
            (_distinct[d], _local[d]) = (distinct, local);
            // Sorting the distinct ids (with their counts) rather than every word's hash: a few hundred numbers, not a body.
            Array.Sort(ids, numbers);
            _counts[d] = (ids, numbers);
        });

        var documentFrequency = new int[wordIds.Count];
        foreach (var (ids, _) in _counts)
        {
            foreach (var id in ids)
            {
                documentFrequency[id]++;
            }
        }

        var idfs = Idfs(documentFrequency, n, _frequencyBits);
        Parallel.For(0, n, d =>
        {
            _vectors[d] = Weigh(_counts[d], documentFrequency, n, idfs);
            if (!keepCounts)
            {
                _counts[d] = default;
            }

            // A large dossier compares full triples only for the few pairs whose sample says "same story":
            // those are made when first asked for, not for every body.
            _shingles[d] = _everyTriple ? Shingles(_local[d], _distinct[d], all: true) : null;
            _sampled[d] = _everyTriple ? [] : Shingles(_local[d], _distinct[d], all: false);
        });

        return (hashes, wordIds, documentFrequency);
    }

    /// <summary>The last similarity of the same bodies made again for the few whose text changed: their words' document
    /// frequencies move, so the bodies holding one of those words are weighed again; a word new to the dossier or gone
    /// from it moves the ranks (ids) of the words above it, so the other bodies' ids are renumbered (in the same order:
    /// their weights and heaviest words stay). Returns which bodies keep their heaviest words.</summary>
    private (long[] Hashes, WordTable Ids, int[] DocumentFrequency, (bool[] Kept, TextSimilarity Last, int[]? Renumber)) Update(TextSimilarity last, int[] changed, Memo memo)
    {
        var n = _keys.Length;
        var words = changed.ToDictionary(d => d, d => memo.Of(_keys[d]));
        var shifts = new Dictionary<long, int>();
        foreach (var d in changed)
        {
            foreach (var hash in last._distinct[d])
            {
                shifts[hash] = shifts.GetValueOrDefault(hash) - 1;
            }

            foreach (var hash in words[d].Distinct)
            {
                shifts[hash] = shifts.GetValueOrDefault(hash) + 1;
            }
        }

        var added = shifts.Where(s => s.Value > 0 && last._wordIds.Find(s.Key) < 0).Select(s => s.Key).Order().ToArray();
        var gone = shifts.Where(s => s.Value < 0 && last._documentFrequency[last._wordIds.Id(s.Key)] + s.Value == 0).Select(s => s.Key).ToHashSet();
        var (hashes, table, renumber) = (last._wordHashes, last._wordIds, (int[]?)null);
        if (added.Length > 0 || gone.Count > 0)
        {
            // Both ascending: merged, so every remaining word keeps its order and only its rank moves.
            hashes = new long[last._wordHashes.Length - gone.Count + added.Length];
            renumber = new int[last._wordHashes.Length];
            var (i, j, k) = (0, 0, 0);
            while (i < last._wordHashes.Length || j < added.Length)
            {
                if (j == added.Length || (i < last._wordHashes.Length && last._wordHashes[i] < added[j]))
                {
                    renumber[i] = gone.Contains(last._wordHashes[i]) ? -1 : k;
                    if (renumber[i] >= 0)
                    {
                        hashes[k++] = last._wordHashes[i];
                    }

                    i++;
                }
                else
                {
                    hashes[k++] = added[j++];
                }
            }

            table = new WordTable(hashes);
        }

        var frequency = new int[hashes.Length];
        for (var id = 0; id < last._documentFrequency.Length; id++)
        {
            var now = renumber is null ? id : renumber[id];
            if (now >= 0)
            {
                frequency[now] = last._documentFrequency[id];
            }
        }

        // A body is weighed again only when one of its words' rounded frequency moved (or the word entered or left every body).
        var reweighed = _reweighedWords = new bool[hashes.Length];
        foreach (var (hash, shift) in shifts)
        {
            if (shift != 0 && table.Find(hash) is var id and >= 0)
            {
                frequency[id] += shift;
                reweighed[id] = Reweighs(frequency[id], shift, n);
                _everyBodyMoved |= (frequency[id] < n) != (frequency[id] - shift < n);
            }
        }

        var isChanged = new bool[n];
        foreach (var d in changed)
        {
            isChanged[d] = true;
        }

        var kept = new bool[n];
        var idfs = Idfs(frequency, n, _frequencyBits);
        Parallel.For(0, n, d =>
        {
            if (isChanged[d])
            {
                var (distinct, numbers, local) = words[d];
                var ids = Array.ConvertAll(distinct, table.Id);
                Array.Sort(ids, numbers);
                (_distinct[d], _local[d], _counts[d]) = (distinct, local, (ids, numbers));
                _vectors[d] = Weigh(_counts[d], frequency, n, idfs);
                _sampled[d] = Shingles(local, distinct, all: false);
                return;
            }

            (_distinct[d], _local[d], _sampled[d], _shingles[d]) = (last._distinct[d], last._local[d], last._sampled[d], last._shingles[d]);
            var counts = last._counts[d];
            _counts[d] = renumber is null ? counts : (Renumbered(counts.Ids, renumber), counts.Counts);
            if (AnyOf(_counts[d].Ids, reweighed))
            {
                _vectors[d] = Weigh(_counts[d], frequency, n, idfs);
            }
            else
            {
                var (ids, weights) = last._vectors[d];
                _vectors[d] = renumber is null ? last._vectors[d] : (Renumbered(ids, renumber), weights);
                kept[d] = true;
            }
        });

        return (hashes, table, frequency, (kept, last, renumber));
    }

    // A word added to the dossier or gone from it renumbers every body's ids (a save's new word: all 10,000 bodies), so
    // these run as plain loops rather than through a delegate per id.
    private static int[] Renumbered(int[] ids, int[] renumber)
    {
        var now = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            now[i] = renumber[ids[i]];
        }

        return now;
    }

    private static bool AnyOf(int[] ids, bool[] marked)
    {
        foreach (var id in ids)
        {
            if (marked[id])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each word's documents and weights, for <see cref="Accumulate"/>, the exact all-pairs pass of a small
    /// dossier only: as arrays, in document order, so sums over them run in a fixed order.</summary>
    private static (int[] Documents, double[] Weights)[] WordPostings((int[] Ids, double[] Weights)[] vectors, int vocabulary)
    {
        var lengths = new int[vocabulary];
        foreach (var (ids, _) in vectors)
        {
            foreach (var id in ids)
            {
                lengths[id]++;
            }
        }

        var postings = Array.ConvertAll(lengths, n => (new int[n], new double[n]));
        var filled = new int[vocabulary];
        for (var d = 0; d < vectors.Length; d++)
        {
            var (ids, weights) = vectors[d];
            for (var i = 0; i < ids.Length; i++)
            {
                var (documents, postingWeights) = postings[ids[i]];
                (documents[filled[ids[i]]], postingWeights[filled[ids[i]]]) = (d, weights[i]);
                filled[ids[i]]++;
            }
        }

        return postings;
    }

    /// <summary>Every distinct word hash of the dossier, ascending. The hash space is cut into ranges that are
    /// collected on separate cores, each from every document's distinct hashes.</summary>
    private static long[] Vocabulary(Words[] documents)
    {
        const int Ranges = 16;
        var parts = new long[Ranges][];
        Parallel.For(0, Ranges, r =>
        {
            var set = new HashSet<long>();
            foreach (var document in documents)
            {
                foreach (var hash in document.Distinct)
                {
                    if (RangeOf(hash) == r)
                    {
                        set.Add(hash);
                    }
                }
            }

            parts[r] = [.. set];
            Array.Sort(parts[r]);
        });

        return [.. parts.SelectMany(p => p)];

        // The top bits of the hash read as unsigned after flipping the sign: ranges in ascending order of value.
        static int RangeOf(long hash) => (int)(((ulong)hash ^ 0x8000000000000000UL) >> 60);
    }

    /// <summary>Word hash → id (its rank among all hashes): open addressing, looked up once for every word of every
    /// body, where a dictionary's lookups were a tenth of building the index.</summary>
    private sealed class WordTable
    {
        private readonly long[] _keys;
        private readonly int[] _ids;
        private readonly bool[] _used;
        private readonly int _shift;

        public WordTable(long[] sortedHashes)
        {
            Count = sortedHashes.Length;
            var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, sortedHashes.Length) * 2.0)));
            _keys = new long[1 << bits];
            _ids = new int[1 << bits];
            _used = new bool[1 << bits];
            _shift = 64 - bits;
            for (var id = 0; id < sortedHashes.Length; id++)
            {
                var slot = Slot(sortedHashes[id], _shift);
                while (_used[slot])
                {
                    slot = (slot + 1) & (_keys.Length - 1);
                }

                (_keys[slot], _ids[slot], _used[slot]) = (sortedHashes[id], id, true);
            }
        }

        public int Count { get; }

        /// <summary>The id of <paramref name="hash"/>, or -1 when no body has the word.</summary>
        public int Find(long hash)
        {
            for (var slot = Slot(hash, _shift); _used[slot]; slot = (slot + 1) & (_keys.Length - 1))
            {
                if (_keys[slot] == hash)
                {
                    return _ids[slot];
                }
            }

            return -1;
        }

        public int Id(long hash)
        {
            for (var slot = Slot(hash, _shift); ; slot = (slot + 1) & (_keys.Length - 1))
            {
                if (_keys[slot] == hash && _used[slot])
                {
                    return _ids[slot];
                }

                if (!_used[slot])
                {
                    throw new KeyNotFoundException("A word hash missing from the vocabulary.");
                }
            }
        }
    }

    /// <summary>Which documents hold each word triple: every (triple, document) pair, sorted by triple and then
    /// document, with an index of where each distinct triple's run starts. Built by sorting on every core,
    /// in place of a dictionary of lists, which allocated a list per triple on one thread. A long-lived builder's keeps
    /// every triple (even one held by a single body or by too many), so the next build's is this one with the changed
    /// bodies' triples moved (<see cref="Update"/>) rather than sorted again.</summary>
    private sealed class ShinglePostings
    {
        private readonly long[] _keys;
        private readonly int[] _starts;
        private readonly int[] _documents;

        // Open addressing from a triple to its index in _keys, plus one (0: empty slot). Every body's sampled triples
        // are looked up, and a binary search over all the kept triples was a cache miss at each of its steps.
        private readonly int[] _slots;
        private readonly int _shift;

        // What Of gives: triples held by fewer or more documents are left out (when every triple is kept, on reading).
        private readonly int _min;
        private readonly int _max;

        // Triples whose holders changed since the arrays were sorted: every holder now, ascending (read before the arrays).
        private readonly Dictionary<long, int[]>? _moved;

        /// <param name="shingles">Each document's sorted, distinct triples.</param>
        /// <param name="min">Triples held by fewer documents are left out.</param>
        /// <param name="max">Triples held by more documents are left out.</param>
        /// <param name="keepAll">Keep every triple (filtered on reading), so that <see cref="Update"/> can move them.</param>
        public ShinglePostings(long[]?[] shingles, int min, int max, bool keepAll = false)
        {
            (_min, _max) = (min, max);
            KeepsAll = keepAll;
            var offsets = new int[shingles.Length + 1];
            for (var d = 0; d < shingles.Length; d++)
            {
                offsets[d + 1] = offsets[d] + shingles[d]!.Length;
            }

            // Cut by their top bits into ranges sorted on separate cores; concatenated, they are in order (the sign
            // flipped, the top four bits read as unsigned ascend with the value).
            const int Ranges = 16;
            static int RangeOf(long shingle) => (int)(((ulong)shingle ^ 0x8000000000000000UL) >> 60);
            var sizes = new int[Ranges + 1];
            foreach (var document in shingles)
            {
                foreach (var shingle in document!)
                {
                    sizes[RangeOf(shingle) + 1]++;
                }
            }

            for (var r = 0; r < Ranges; r++)
            {
                sizes[r + 1] += sizes[r];
            }

            // Filled whole below: not cleared first.
            var keys = GC.AllocateUninitializedArray<long>(offsets[^1]);
            var documents = GC.AllocateUninitializedArray<int>(offsets[^1]);
            var next = (int[])sizes.Clone();
            for (var d = 0; d < shingles.Length; d++)
            {
                foreach (var shingle in shingles[d]!)
                {
                    var at = next[RangeOf(shingle)]++;
                    (keys[at], documents[at]) = (shingle, d);
                }
            }

            // Each range sorted by (triple, document), so each triple's documents ascend.
            Parallel.For(0, Ranges, r => SortByKey(keys.AsSpan(sizes[r], sizes[r + 1] - sizes[r]), documents.AsSpan(sizes[r], sizes[r + 1] - sizes[r])));

            var kept = new List<long>();
            var starts = new List<int>();
            var docs = keepAll ? documents : [];
            var count = 0;
            for (var i = 0; i < keys.Length;)
            {
                var end = RunEnd<long>(keys, i);
                if (keepAll || (end - i >= min && end - i <= max))
                {
                    kept.Add(keys[i]);
                    starts.Add(keepAll ? i : count);
                    if (!keepAll)
                    {
                        documents.AsSpan(i, end - i).CopyTo(documents.AsSpan(count));
                    }

                    count += end - i;
                }

                i = end;
            }

            starts.Add(count);
            (_keys, _starts, _documents) = ([.. kept], [.. starts], keepAll ? docs : documents[..count]);
            var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, _keys.Length) * 2.0)));
            (_slots, _shift) = (new int[1 << bits], 64 - bits);
            for (var i = 0; i < _keys.Length; i++)
            {
                var slot = SlotOf(_keys[i]);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & (_slots.Length - 1);
                }

                _slots[slot] = i + 1;
            }
        }

        /// <summary>The same sorted arrays as <paramref name="sorted"/>, and <paramref name="moved"/> read before them.</summary>
        private ShinglePostings(ShinglePostings sorted, Dictionary<long, int[]> moved)
        {
            (_keys, _starts, _documents, _slots, _shift, _min, _max) = (sorted._keys, sorted._starts, sorted._documents, sorted._slots, sorted._shift, sorted._min, sorted._max);
            (KeepsAll, _moved) = (true, moved);
        }

        /// <summary>True when every triple is kept (<see cref="Update"/> can be used).</summary>
        public bool KeepsAll { get; }

        /// <summary>How many triples' holders moved since the arrays were sorted.</summary>
        public int Moved => _moved?.Count ?? 0;

        /// <summary>The documents holding <paramref name="shingle"/>, ascending; empty when it was left out.</summary>
        public ReadOnlySpan<int> Of(long shingle)
        {
            var all = All(shingle);
            return all.Length >= _min && all.Length <= _max ? all : [];
        }

        /// <summary>Every document holding <paramref name="shingle"/>, ascending (all of them only when <see cref="KeepsAll"/>).</summary>
        public ReadOnlySpan<int> All(long shingle)
        {
            if (_moved is not null && _moved.TryGetValue(shingle, out var holders))
            {
                return holders;
            }

            for (var slot = SlotOf(shingle); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
            {
                var at = _slots[slot] - 1;
                if (_keys[at] == shingle)
                {
                    return _documents.AsSpan(_starts[at], _starts[at + 1] - _starts[at]);
                }
            }

            return [];
        }

        /// <summary>These postings after the documents of <paramref name="changes"/> went from their triples before to
        /// their triples now (each sorted and distinct): the sorted arrays are shared, and only the triples gained or lost
        /// get new lists of holders. Only when <see cref="KeepsAll"/>.</summary>
        public ShinglePostings Update(IEnumerable<(int Document, long[] Before, long[] After)> changes)
        {
            var moves = new Dictionary<long, (List<int> Gone, List<int> Come)>();
            (List<int> Gone, List<int> Come) At(long triple) =>
                CollectionsMarshal.GetValueRefOrAddDefault(moves, triple, out var exists) is var entry && exists ? entry : moves[triple] = ([], []);
            foreach (var (document, before, after) in changes)
            {
                // A merge of the two sorted lists: a triple in one only is gone or come.
                var (i, j) = (0, 0);
                while (i < before.Length || j < after.Length)
                {
                    if (j == after.Length || (i < before.Length && before[i] < after[j]))
                    {
                        At(before[i++]).Gone.Add(document);
                    }
                    else if (i == before.Length || after[j] < before[i])
                    {
                        At(after[j++]).Come.Add(document);
                    }
                    else
                    {
                        (i, j) = (i + 1, j + 1);
                    }
                }
            }

            var moved = _moved is null ? new Dictionary<long, int[]>(moves.Count) : new Dictionary<long, int[]>(_moved);
            foreach (var (triple, (gone, come)) in moves)
            {
                var holders = new List<int>(All(triple).Length + come.Count);
                foreach (var document in All(triple))
                {
                    if (!gone.Contains(document))
                    {
                        holders.Add(document);
                    }
                }

                holders.AddRange(come);
                holders.Sort();
                moved[triple] = [.. holders];
            }

            return new ShinglePostings(this, moved);
        }

        /// <summary>The slot from the mixed bits just below the top three: a large dossier keeps only the triples whose
        /// top three are zero (<see cref="Sampled"/>), and slots taken from those would crowd one eighth of the table.</summary>
        private int SlotOf(long shingle) => Slot(shingle, _shift - 3) & (_slots.Length - 1);

        private static void SortByKey(Span<long> keys, Span<int> documents)
        {
            keys.Sort(documents);
            // The sort is not stable: each triple's few documents are put back in ascending order.
            for (var start = 0; start < keys.Length;)
            {
                var end = RunEnd<long>(keys, start);
                documents[start..end].Sort();
                start = end;
            }
        }
    }

    /// <summary>Each folded text's words, kept between builds by a long-lived builder (found by the very key string).</summary>
    internal sealed class Memo
    {
        /// <summary>The last similarity of a large dossier made with this memo (see the constructor).</summary>
        internal TextSimilarity? Last { get; set; }

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, StrongBox<Words>> _words = new();

        /// <summary><see cref="Words.Of"/>, with counts of its own (the constructor sorts them in place).</summary>
        internal Words Of(string key)
        {
            if (!_words.TryGetValue(key, out var known))
            {
                known = new StrongBox<Words>(Words.Of(key));
                _words.AddOrUpdate(key, known);
            }

            var words = known.Value;
            return words with { Counts = (int[])words.Counts.Clone() };
        }
    }

    /// <summary>A document's words: its distinct word hashes (FNV-1a of the spelling) in order of first use, how
    /// often each occurs, and for each word in turn the index of its hash. Counted through a per-thread hash table
    /// instead of by sorting every word's hash, which was most of building the index.</summary>
    internal readonly record struct Words(long[] Distinct, int[] Counts, int[] Local)
    {
        public static Words Of(string key)
        {
            var scratch = Scratches.Value!;
            scratch.Clear(key.Length);
            var (distinct, counts, local) = (0, scratch.Counts, scratch.Local);
            var count = 0;
            var hash = 14695981039346656037UL;
            var inWord = false;
            foreach (var c in key)
            {
                if (c != ' ')
                {
                    hash = (hash ^ c) * 1099511628211UL;
                    inWord = true;
                    continue;
                }

                if (inWord)
                {
                    local[count++] = scratch.IndexOf((long)hash, ref distinct);
                }

                (hash, inWord) = (14695981039346656037UL, false);
            }

            if (inWord)
            {
                local[count++] = scratch.IndexOf((long)hash, ref distinct);
            }

            return new Words(scratch.Hashes[..distinct], counts[..distinct], local[..count]);
        }

        private static readonly ThreadLocal<WordScratch> Scratches = new(() => new WordScratch());
    }

    /// <summary>One thread's buffers for <see cref="Words.Of"/>: an open-addressing table from a word hash to its
    /// first-use index (emptied in constant time by a generation stamp), the hashes and counts by index, and the
    /// index of each word.</summary>
    private sealed class WordScratch
    {
        private long[] _keys = [];
        private int[] _indexes = [];
        private int[] _stamps = [];
        private int _stamp;
        private int _shift;

        public long[] Hashes { get; private set; } = [];

        public int[] Counts { get; private set; } = [];

        public int[] Local { get; private set; } = [];

        /// <summary>Empties the buffers for a text of <paramref name="length"/> characters (at most half as many words, plus one).</summary>
        public void Clear(int length)
        {
            var words = (length / 2) + 1;
            if (Local.Length < words)
            {
                var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * words));
                (_keys, _indexes, _stamps, _stamp) = (new long[size], new int[size], new int[size], 0);
                _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
                (Hashes, Counts, Local) = (new long[words], new int[words], new int[words]);
            }

            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_stamps);
                _stamp = 1;
            }
        }

        /// <summary>The index of <paramref name="hash"/>, counted once more; a new hash takes index <paramref name="distinct"/>.</summary>
        public int IndexOf(long hash, ref int distinct)
        {
            var mask = _keys.Length - 1;
            for (var slot = Slot(hash, _shift); ; slot = (slot + 1) & mask)
            {
                if (_stamps[slot] != _stamp)
                {
                    (_keys[slot], _indexes[slot], _stamps[slot]) = (hash, distinct, _stamp);
                    (Hashes[distinct], Counts[distinct]) = (hash, 1);
                    return distinct++;
                }

                if (_keys[slot] == hash)
                {
                    Counts[_indexes[slot]]++;
                    return _indexes[slot];
                }
            }
        }
    }

    /// <summary>A word triple as one 64-bit value, from its words' hashes in order (two triples sharing it would count as one).</summary>
    private static long Triple(long first, long second, long third)
    {
        var h = ((ulong)first * 0x9E3779B97F4A7C15UL) ^ (ulong)second;
        h = (((h << 31) | (h >> 33)) * 0xBF58476D1CE4E5B9UL) ^ (ulong)third;
        h = (h ^ (h >> 29)) * 0x94D049BB133111EBUL;
        return (long)(h ^ (h >> 32));
    }

    // The same eighth of all triples in every document, so two copies of a story sample the same ones.
    private static bool Sampled(long shingle) => Slot(shingle, 61) == 0;

    /// <summary>The top <c>64 - shift</c> bits of <paramref name="hash"/> mixed by a multiply (Fibonacci hashing): a
    /// slot of an open-addressing table of that many bits, or a fixed sample of values.</summary>
    private static int Slot(long hash, int shift) => (int)(((ulong)hash * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>True when every triple is indexed and related lists compare every pair (a small dossier).</summary>
    public bool EveryTriple => _everyTriple;

    /// <summary>How many bodies have the word whose hash is <paramref name="hash"/>.</summary>
    internal int DocumentFrequency(long hash) => _wordIds.Find(hash) is var id and >= 0 ? _documentFrequency[id] : 0;

    /// <summary>The distinct word hashes of <paramref name="key"/> and its sampled triples, as a build made them:
    /// to compare a body with what it was in an earlier build.</summary>
    internal static (long[] Words, long[] Sampled) Features(string key)
    {
        var words = Words.Of(key);
        return ([.. words.Distinct], Shingles(words.Local, words.Distinct, all: false));
    }

    /// <summary>The hashes of document <paramref name="d"/>'s heaviest words: the candidate search finds it, and weighs it,
    /// through these alone.</summary>
    internal long[] TopWordHashesOf(int d) => [.. _topTerms.Value.Top[d].Select(t => _wordHashes[t.Id])];

    /// <summary>The documents whose weighed words include one of <paramref name="hashes"/>.</summary>
    internal List<int> DocumentsWithWords(IReadOnlySet<long> hashes) => Matching(hashes, d => _vectors[d].Ids);

    private List<int> Matching(IReadOnlySet<long> hashes, Func<int, int[]> idsOf)
    {
        var wanted = new bool[_vocabulary];
        foreach (var hash in hashes)
        {
            if (_wordIds.Find(hash) is var id and >= 0)
            {
                wanted[id] = true;
            }
        }

        var found = new List<int>();
        for (var d = 0; d < _vectors.Length; d++)
        {
            if (AnyOf(idsOf(d), wanted))
            {
                found.Add(d);
            }
        }

        return found;
    }

    /// <summary>Number of documents.</summary>
    public int Documents => _vectors.Length;

    /// <summary>Where this similarity's candidate index differs from <paramref name="other"/>'s (each body's heaviest
    /// words in walking order, each word's postings, each sampled triple's holders), or null when it does not: for tests
    /// of one made from the last.</summary>
    internal string? IndexDifference(TextSimilarity other)
    {
        var (top, postings) = _topTerms.Value;
        var (otherTop, otherPostings) = other._topTerms.Value;
        for (var d = 0; d < _vectors.Length; d++)
        {
            if (!top[d].AsSpan().SequenceEqual(otherTop[d]))
            {
                return $"heaviest words of body {d}";
            }

            foreach (var triple in _sampled[d].Concat(other._sampled[d]))
            {
                if (!_shinglePostings.Of(triple).SequenceEqual(other._shinglePostings.Of(triple)))
                {
                    return $"holders of a triple of body {d}";
                }
            }
        }

        for (var id = 0; id < postings.Length; id++)
        {
            if (!postings[id].Documents.AsSpan().SequenceEqual(otherPostings[id].Documents) || !postings[id].Weights.AsSpan().SequenceEqual(otherPostings[id].Weights))
            {
                return $"postings of word {id}";
            }
        }

        return postings.Length == otherPostings.Length ? null : "vocabulary";
    }

    /// <summary>For document <paramref name="a"/> and every other document <c>b</c> at once: adds the TF-IDF
    /// dot product to <c>dot[b]</c> and the number of shared word triples to <c>shared[b]</c>. Walks the
    /// postings of <paramref name="a"/>'s own words and triples only, so documents with nothing in common
    /// cost nothing; <see cref="Cosine"/> and <see cref="Containment"/> give the same values pair by pair.</summary>
    public void Accumulate(int a, double[] dot, int[] shared)
    {
        var (ids, weights) = _vectors[a];
        for (var i = 0; i < ids.Length; i++)
        {
            var (documents, postingWeights) = _wordPostings[ids[i]];
            var weight = weights[i];
            for (var k = 0; k < documents.Length; k++)
            {
                dot[documents[k]] += weight * postingWeights[k];
            }
        }

        foreach (var shingle in FullShingles(a))
        {
            foreach (var document in _shinglePostings.Of(shingle))
            {
                shared[document]++;
            }
        }
    }

    /// <summary>For a large dossier: the (at most) <paramref name="max"/> documents most likely to be close to
    /// <paramref name="a"/>, ascending, found through each document's few heaviest words and through word
    /// triples that only a few documents share; their scores are then computed exactly. Walking every posting
    /// of every word, as <see cref="Accumulate"/> does, is quadratic in the number of documents.</summary>
    public List<int> Candidates(int a, int max)
    {
        var index = _topTerms.Value;
        // Dense scratch per thread: a dictionary per call was most of the cost at 10,000 articles.
        var estimate = Scratch.Value!;
        if (estimate.Length < _vectors.Length)
        {
            estimate = new double[_vectors.Length];
            Scratch.Value = estimate;
        }

        var touched = Touched.Value!;
        touched.Clear();
        void Add(int document, double value)
        {
            if (estimate[document] == 0)
            {
                touched.Add(document);
            }

            estimate[document] += value;
        }

        // Rarest heavy words first, within a budget: a word among the heaviest of thousands of bodies
        // says little about which of them are close, and walking its postings is what costs.
        var top = index.Top[a];
        foreach (var (id, weight) in top.AsSpan(0, Visited(top, index.Postings)))
        {
            var (documents, weights) = index.Postings[id];
            for (var k = 0; k < documents.Length; k++)
            {
                Add(documents[k], weight * weights[k]);
            }
        }

        // Those met so far have a part from words, which weights move; the others' estimates count shared triples only.
        var withWords = touched.Count;
        foreach (var shingle in _everyTriple ? FullShingles(a) : _sampled[a])
        {
            var postings = _shinglePostings.Of(shingle);
            if (postings.Length <= RareTriple)
            {
                foreach (var document in postings)
                {
                    // A shared rare triple outweighs any word overlap: it is how the same story shows.
                    Add(document, 1.0);
                }
            }
        }

        // The best `max` by estimate, ties to the lower number: find the max-th largest estimate by
        // selection, then take what is above it. Sorting or heaping thousands of touched bodies cost more
        // than finding them.
        var values = Values.Value!;
        if (values.Length < touched.Count)
        {
            values = new double[Math.Max(touched.Count, values.Length * 2)];
            Values.Value = values;
        }

        var count = 0;
        foreach (var document in touched)
        {
            if (document != a && estimate[document] > 0)
            {
                values[count++] = estimate[document];
            }
        }

        var threshold = count > max ? LargestAt(values.AsSpan(0, count), max - 1) : double.MinValue;
        _bands[a] = _keepBands && count > max ? BandOf(touched, estimate, a, threshold) : null;
        var chosen = new List<int>(Math.Min(count, max));
        var ties = new List<int>();
        var margin = SearchMargin.Empty;
        for (var i = 0; i < touched.Count; i++)
        {
            var document = touched[i];
            if (document != a && estimate[document] > 0)
            {
                if (estimate[document] > threshold)
                {
                    chosen.Add(document);
                    margin = margin.Taken(estimate[document], i < withWords);
                }
                else if (estimate[document] == threshold)
                {
                    ties.Add(i < withWords ? ~document : document);
                }
                else
                {
                    margin = margin.Left(estimate[document], i < withWords);
                }
            }

            estimate[document] = 0;
        }

        // Ties are taken by number (a tie with words is kept complemented until here).
        ties.Sort((x, y) => (x < 0 ? ~x : x).CompareTo(y < 0 ? ~y : y));
        for (var t = 0; t < ties.Count; t++)
        {
            margin = t < max - chosen.Count ? margin.Taken(threshold, ties[t] < 0) : margin.Left(threshold, ties[t] < 0);
        }

        chosen.AddRange(ties.Take(max - chosen.Count).Select(x => x < 0 ? ~x : x));
        chosen.Sort();
        (_chosen[a], _cuts[a], _margins[a]) = (chosen, threshold, margin);
        return chosen;
    }

    /// <summary>The value that would be at <paramref name="k"/> if <paramref name="values"/> were sorted
    /// largest first (Hoare's selection; reorders the span).</summary>
    private static double LargestAt(Span<double> values, int k)
    {
        var (low, high) = (0, values.Length - 1);
        while (low < high)
        {
            var pivot = values[low + ((high - low) / 2)];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (values[i] > pivot)
                {
                    i++;
                }

                while (values[j] < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static readonly ThreadLocal<double[]> Values = new(() => []);

    private static readonly ThreadLocal<double[]> Scratch = new(() => []);
    private static readonly ThreadLocal<List<int>> Touched = new(() => []);

    private const int TopTermsPerDocument = 24;
    /// <summary>The candidate search's limits: how many postings of its heaviest words a body walks, and how many bodies
    /// at most share a sampled triple that leads them to each other; and how finely the weights read a word's frequency.</summary>
    /// <param name="PostingBudget">Postings of its heaviest words a body walks at most.</param>
    /// <param name="RareTriple">Bodies sharing a sampled triple at most for it to lead them to each other.</param>
    /// <param name="FrequencyBits">The leading binary digits of a word's document frequency its IDF reads (see <see cref="FrequencySteps"/>).</param>
    internal readonly record struct Limits(int PostingBudget, int RareTriple, int FrequencyBits = FrequencySteps.DefaultBits)
    {
        // Measured at 10,000 generated articles (`related-recall`): a budget of 1,024 postings keeps as many of the exact
        // top five as 3,072 or 8,000 did (0.38–0.40 of them on that deliberately flat corpus) at a third of the walk.
        public static Limits Default { get; } = new(1024, 50);
    }

    /// <summary>Walked postings at most (see <see cref="Limits"/>).</summary>
    internal int PostingBudget { get; }

    /// <summary>Shared by at most this many bodies, a sampled triple leads the candidate search to them.</summary>
    internal int RareTriple { get; }

    /// <summary>How many of a body's heaviest words (rarest first) the candidate search walks: those whose postings
    /// together stay within <see cref="PostingBudget"/>. A word among the heaviest of more bodies than that is never walked.</summary>
    private int Visited((int Id, double Weight)[] top, (int[] Documents, double[] Weights)[] postings)
    {
        var (visited, count) = (0, 0);
        foreach (var (id, _) in top)
        {
            visited += postings[id].Documents.Length;
            if (visited > PostingBudget)
            {
                break;
            }

            count++;
        }

        return count;
    }

    private readonly Lazy<((int Id, double Weight)[][] Top, (int[] Documents, double[] Weights)[] Postings)> _topTerms;

    /// <param name="kept">Which bodies have the weights they had in the last similarity (their heaviest words are its,
    /// renumbered), or null.</param>
    private ((int Id, double Weight)[][], (int[] Documents, double[] Weights)[]) BuildTopTerms((bool[] Kept, TextSimilarity Last, int[]? Renumber)? kept)
    {
        // When most bodies were weighed again (a word common to most changed its count), merging them into each posting
        // costs more than making the postings afresh.
        if (kept is { } reuse && reuse.Kept.Count(k => !k) <= reuse.Kept.Length / 4)
        {
            return UpdateTopTerms(reuse.Kept, reuse.Last._topTerms.Value, reuse.Renumber);
        }

        var top = new (int Id, double Weight)[_vectors.Length][];
        Parallel.For(0, _vectors.Length, d => top[d] = kept is { } known && known.Kept[d]
            ? [.. known.Last._topTerms.Value.Top[d].Select(t => (known.Renumber is null ? t.Id : known.Renumber[t.Id], t.Weight))]
            : HeaviestOf(d));
        // Arrays rather than lists of pairs (Candidates walks these for every document), counted first so each is made
        // at its size, and filled in document order.
        var lengths = new int[_vocabulary];
        foreach (var list in top)
        {
            foreach (var (id, _) in list)
            {
                lengths[id]++;
            }
        }

        var arrays = Array.ConvertAll(lengths, n => n == 0 ? NoPostings : (Documents: new int[n], Weights: new double[n]));
        Array.Clear(lengths);
        for (var d = 0; d < top.Length; d++)
        {
            foreach (var (id, weight) in top[d])
            {
                var at = lengths[id]++;
                (arrays[id].Documents[at], arrays[id].Weights[at]) = (d, weight);
            }
        }

        Parallel.ForEach(top, list => RarestFirst(list, arrays));
        return (top, arrays);
    }

    private static readonly (int[] Documents, double[] Weights) NoPostings = ([], []);

    /// <summary>The last heaviest words and their postings, for bodies of which only those not <paramref name="kept"/>
    /// have new weights: only the postings of the words those had or have among their heaviest are made again, and only
    /// the lists holding a word whose count of postings moved are sorted again (the others are the last's, renumbered).</summary>
    private ((int Id, double Weight)[][], (int[] Documents, double[] Weights)[]) UpdateTopTerms(
        bool[] kept, ((int Id, double Weight)[][] Top, (int[] Documents, double[] Weights)[] Postings) last, int[]? renumber)
    {
        var n = _vectors.Length;
        var top = new (int Id, double Weight)[n][];
        var remade = Enumerable.Range(0, n).Where(d => !kept[d]).ToArray();
        Parallel.ForEach(remade, d => top[d] = HeaviestOf(d));
        var postings = new (int[] Documents, double[] Weights)[_vocabulary];
        for (var id = 0; id < last.Postings.Length; id++)
        {
            var now = renumber is null ? id : renumber[id];
            if (now >= 0)
            {
                postings[now] = last.Postings[id];
            }
        }

        // The remade bodies leave the postings of the words they had and join those of the words they have (ascending).
        var touched = new HashSet<int>();
        var come = new Dictionary<int, List<(int Document, double Weight)>>();
        foreach (var d in remade)
        {
            foreach (var (id, _) in last.Top[d])
            {
                if ((renumber is null ? id : renumber[id]) is var now and >= 0)
                {
                    touched.Add(now);
                }
            }

            foreach (var (id, weight) in top[d])
            {
                touched.Add(id);
                (CollectionsMarshal.GetValueRefOrAddDefault(come, id, out _) ??= []).Add((d, weight));
            }
        }

        var recounted = new bool[_vocabulary];
        foreach (var id in touched)
        {
            var (documents, weights) = postings[id].Documents is null ? NoPostings : postings[id];
            var joining = come.GetValueOrDefault(id) ?? [];
            var (newDocuments, newWeights) = (new List<int>(documents.Length + joining.Count), new List<double>(documents.Length + joining.Count));
            var j = 0;
            for (var k = 0; k <= documents.Length; k++)
            {
                var before = k < documents.Length ? documents[k] : int.MaxValue;
                for (; j < joining.Count && joining[j].Document < before; j++)
                {
                    newDocuments.Add(joining[j].Document);
                    newWeights.Add(joining[j].Weight);
                }

                if (k < documents.Length && kept[before])
                {
                    newDocuments.Add(before);
                    newWeights.Add(weights[k]);
                }
            }

            postings[id] = newDocuments.Count == 0 ? NoPostings : ([.. newDocuments], [.. newWeights]);
            recounted[id] = newDocuments.Count != documents.Length;
        }

        for (var id = 0; id < postings.Length; id++)
        {
            if (postings[id].Documents is null)
            {
                postings[id] = NoPostings;
            }
        }

        Parallel.For(0, n, d =>
        {
            if (!kept[d])
            {
                RarestFirst(top[d], postings);
                return;
            }

            var list = last.Top[d];
            if (renumber is not null)
            {
                list = new (int Id, double Weight)[list.Length];
                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = (renumber[last.Top[d][i].Id], last.Top[d][i].Weight);
                }
            }

            if (Array.Exists(list, t => recounted[t.Id]))
            {
                list = renumber is null ? ((int Id, double Weight)[])list.Clone() : list;
                RarestFirst(list, postings);
            }

            top[d] = list;
        });

        return (top, postings);
    }

    /// <summary>Body <paramref name="d"/>'s heaviest words, heaviest first, ties to the lower word id.</summary>
    private (int Id, double Weight)[] HeaviestOf(int d)
    {
        var (ids, weights) = _vectors[d];
        // One pass keeping the heaviest so far in order, rather than sorting every word of the body (a drifted save
        // weighs thousands of bodies again): ids ascend, so a word tying with one kept goes after it, and a word tying
        // with the lightest of a full list stays out.
        var top = new (int Id, double Weight)[Math.Min(TopTermsPerDocument, ids.Length)];
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var weight = weights[i];
            if (count == top.Length && !(weight > top[^1].Weight))
            {
                continue;
            }

            var at = count < top.Length ? count++ : top.Length - 1;
            for (; at > 0 && top[at - 1].Weight < weight; at--)
            {
                top[at] = top[at - 1];
            }

            top[at] = (ids[i], weight);
        }

        return top;
    }

    /// <summary>Sorts a body's heaviest words rarest first (fewest postings), ties to the lower id, for the budget in Candidates.</summary>
    private static void RarestFirst((int Id, double Weight)[] top, (int[] Documents, double[] Weights)[] postings)
    {
        // An insertion sort: two dozen words, no two with the same id.
        for (var i = 1; i < top.Length; i++)
        {
            var word = top[i];
            var count = postings[word.Id].Documents.Length;
            var at = i;
            for (; at > 0 && (postings[top[at - 1].Id].Documents.Length is var other && (other > count || (other == count && top[at - 1].Id > word.Id))); at--)
            {
                top[at] = top[at - 1];
            }

            top[at] = word;
        }
    }

    // The last candidates found for each body (they are what its related list compared), and the estimate a body had to
    // pass to be one (double.MinValue when every body met was taken), for RelatedMemo.
    private readonly List<int>?[] _chosen;
    private readonly double[] _cuts;
    private readonly SearchMargin[] _margins;

    /// <summary>The candidates <see cref="Candidates"/> last gave for <paramref name="d"/>, ascending; null before it was asked.</summary>
    internal IReadOnlyList<int>? CandidatesOf(int d) => _chosen[d];

    /// <summary>The estimate a body had to pass to be among <paramref name="d"/>'s last candidates (see <see cref="Candidates"/>).</summary>
    internal double CutOf(int d) => _cuts[d];

    /// <summary>The weakest estimates <paramref name="d"/>'s last candidate search took and the strongest it left out.</summary>
    internal SearchMargin MarginOf(int d) => _margins[d];

    /// <summary>The end of the run of values equal to <c>values[start]</c> in sorted <paramref name="values"/>.</summary>
    private static int RunEnd<T>(ReadOnlySpan<T> values, int start)
        where T : IEquatable<T>
    {
        var end = start + 1;
        while (end < values.Length && values[end].Equals(values[start]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Rounded cosine from an <see cref="Accumulate"/> dot product.</summary>
    public static double CosineOf(double dot) => Math.Round(dot, 6);

    /// <summary>Containment of <paramref name="a"/> and <paramref name="b"/> from an <see cref="Accumulate"/> count.</summary>
    public double ContainmentOf(int a, int b, int shared)
    {
        var smaller = Math.Min(FullShingles(a).Length, FullShingles(b).Length);
        return smaller == 0 ? 0 : Math.Round((double)shared / smaller, 6);
    }

    /// <summary>Cosine of the two documents' TF-IDF word vectors, 0 to 1.</summary>
    public double Cosine(int a, int b) => Compare(a, [b])[0].Cosine;

    /// <summary>The share of the shorter document's word triples that the other also has, 0 to 1.</summary>
    public double Containment(int a, int b)
    {
        var (sa, sb) = (FullShingles(a), FullShingles(b));
        var smaller = Math.Min(sa.Length, sb.Length);
        return smaller == 0 ? 0 : Math.Round((double)Intersect(sa, sb) / smaller, 6);
    }

    /// <summary>All of a document's word triples; in a large dossier made on first use (two threads racing
    /// make equal arrays, and either may be kept).</summary>
    private long[] FullShingles(int document) =>
        Volatile.Read(ref _shingles[document]) ?? (_shingles[document] = Shingles(_local[document], _distinct[document], all: true));

    /// <summary>How many values two sorted, distinct arrays share.</summary>
    private static int Intersect(long[] sa, long[] sb)
    {
        var shared = 0;
        for (int i = 0, j = 0; i < sa.Length && j < sb.Length;)
        {
            // Branch-free steps: on unrelated sorted hashes a branchy merge mispredicts half the time.
            var (x, y) = (sa[i], sb[j]);
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }

        return shared;
    }

    /// <summary>Cosine and containment of <paramref name="a"/> with each of <paramref name="others"/>, the same
    /// values as <see cref="Cosine"/> and <see cref="Containment"/> (the cosines from <see cref="Cosines"/>).</summary>
    public (double Cosine, double Containment)[] Compare(int a, IReadOnlyList<int> others) => Compare(a, others, out _);

    /// <summary><see cref="Compare(int, IReadOnlyList{int})"/>, with the dot products the cosines are rounded from.</summary>
    internal (double Cosine, double Containment)[] Compare(int a, IReadOnlyList<int> others, out double[] dots)
    {
        dots = Dots(a, others);
        var scores = new (double, double)[others.Count];
        for (var k = 0; k < others.Count; k++)
        {
            scores[k] = (CosineOf(dots[k]), _everyTriple ? Containment(a, others[k]) : EstimatedContainment(a, others[k]));
        }

        return scores;
    }

    private static readonly ThreadLocal<double[]> DenseWeights = new(() => []);

    /// <summary>Containment from the sampled eighth of each body's triples (unbiased, and eight times cheaper
    /// than the exact merge); exact when the bodies are short or the estimate comes near <see cref="RelatedArticles.NearDuplicate"/>,
    /// so "same story" is never claimed or missed on an estimate.</summary>
    private double EstimatedContainment(int a, int b)
    {
        var (sa, sb) = (_sampled[a], _sampled[b]);
        var smaller = Math.Min(sa.Length, sb.Length);
        if (smaller < 16)
        {
            return Containment(a, b);
        }

        var estimate = (double)Intersect(sa, sb) / smaller;
        return estimate >= RelatedArticles.NearDuplicate / 2 ? Containment(a, b) : Math.Round(estimate, 6);
    }

    /// <summary>Word triples as numbers (<see cref="Triple"/> of their words' hashes), sorted and distinct: all of them, or only
    /// the <see cref="Sampled"/> eighth.</summary>
    private static long[] Shingles(int[] words, long[] hashes, bool all)
    {
        // Gathered in a pooled buffer: only the distinct (and for a sample, an eighth) are kept, as a copy.
        var length = Math.Max(0, words.Length - ShingleSize + 1);
        var buffer = System.Buffers.ArrayPool<long>.Shared.Rent(length);
        var shingles = buffer.AsSpan(0, length);
        var count = 0;
        for (var i = 0; i < shingles.Length; i++)
        {
            var shingle = Triple(hashes[words[i]], hashes[words[i + 1]], hashes[words[i + 2]]);
            if (all || Sampled(shingle))
            {
                shingles[count++] = shingle;
            }
        }

        var kept = shingles[..count];
        kept.Sort();
        var distinct = count == 0 ? 0 : 1;
        for (var i = 1; i < kept.Length; i++)
        {
            if (kept[i] != kept[distinct - 1])
            {
                kept[distinct++] = kept[i];
            }
        }

        var result = kept[..distinct].ToArray();
        System.Buffers.ArrayPool<long>.Shared.Return(buffer);
        return result;
    }

    /// <summary>True when a word now in <paramref name="frequency"/> of <paramref name="documents"/> bodies, and in
    /// <paramref name="shift"/> fewer before, weighs the bodies holding it differently than before.</summary>
    private bool Reweighs(int frequency, int shift, int documents) =>
        frequency - shift <= 0 || frequency <= 0 || (frequency < documents) != (frequency - shift < documents)
        || FrequencySteps.Round(frequency, _frequencyBits) != FrequencySteps.Round(frequency - shift, _frequencyBits);

    /// <summary>True when the word whose hash is <paramref name="hash"/>, held now by <paramref name="shift"/> more bodies
    /// than before, weighs the bodies holding it differently (see <see cref="FrequencySteps"/>).</summary>
    internal bool Reweighs(long hash, int shift) => shift != 0 && Reweighs(DocumentFrequency(hash), shift, Documents);

    /// <summary>Each word's IDF, from its document frequency read to <paramref name="frequencyBits"/> leading binary digits
    /// (0 for a word in every document, which <see cref="Weigh"/> leaves out): worked out once per word rather than once per
    /// word of every body.</summary>
    private static double[] Idfs(int[] documentFrequency, int documents, int frequencyBits)
    {
        var idfs = new double[documentFrequency.Length];
        for (var id = 0; id < idfs.Length; id++)
        {
            idfs[id] = documentFrequency[id] < documents ? Math.Log((double)documents / FrequencySteps.Round(documentFrequency[id], frequencyBits)) : 0;
        }

        return idfs;
    }

    // 1 + ln(count) for the counts most words have in a body.
    private static readonly double[] LogCounts = [.. Enumerable.Range(0, 64).Select(count => 1 + Math.Log(count))];

    private static (int[] Ids, double[] Weights) Weigh((int[] Ids, int[] Counts) counts, int[] documentFrequency, int documents, double[] idfs)
    {
        // A word found in every document says nothing about which two belong together: counted first, so the
        // arrays are made at their final size.
        var size = 0;
        foreach (var id in counts.Ids)
        {
            if (documentFrequency[id] < documents)
            {
                size++;
            }
        }

        var ids = new int[size];
        var weights = new double[size];
        var kept = 0;
        var squares = 0.0;
        for (var i = 0; i < counts.Ids.Length; i++)
        {
            if (documentFrequency[counts.Ids[i]] < documents)
            {
                var count = counts.Counts[i];
                var weight = (count < LogCounts.Length ? LogCounts[count] : 1 + Math.Log(count)) * idfs[counts.Ids[i]];
                (ids[kept], weights[kept]) = (counts.Ids[i], weight);
                squares += weight * weight;
                kept++;
            }
        }

        var norm = Math.Sqrt(squares);
        for (var i = 0; i < kept; i++)
        {
            weights[i] = norm > 0 ? weights[i] / norm : 0;
        }

        return (ids, weights);
    }
}
