namespace StaticDossier.Rendering.Search;

internal sealed partial class SearchIndex
{
    /// <summary>Postings a <see cref="PairSweep"/> covers at most, unless one term has more: the sweep holds a few numbers
    /// per pair of its range (some megabytes at this size, made once and used for every range).</summary>
    internal const int SweepPostings = 1 << 18;

    /// <summary>The terms in consecutive ranges of at most <paramref name="postings"/> postings (a term with more is a
    /// range of its own), each range's first term and the term after its last.</summary>
    public List<(int First, int End)> SweepRanges(int postings = SweepPostings)
    {
        var ranges = new List<(int, int)>();
        for (var first = 0; first < Words.Length;)
        {
            var end = first + 1;
            while (end < Words.Length && _termStart[end + 1] - _termStart[first] <= postings)
            {
                end++;
            }

            ranges.Add((first, end));
            first = end;
        }

        return ranges;
    }

    /// <summary>The pairs (<see cref="PairsOf(int)"/>) of ranges of this index's terms, found by walking the articles in
    /// order: a term's postings visit their articles' parses wherever they lie, which at 100,000 articles (a gigabyte of
    /// parses, beyond the processor's caches) cost a miss each; in article order the parses are read as they lie in
    /// memory, and each once per range for all its words in the range.</summary>
    public PairSweep Sweeper() => new(this);

    /// <summary>One range of terms' pairs at a time (<see cref="Sweep"/>): per term, each (following word, article) once,
    /// articles ascending. Its buffers serve every range.</summary>
    internal sealed class PairSweep(SearchIndex index)
    {
        private readonly int[] _articleStart = new int[index._documents.Length + 1];
        private readonly int[] _next = new int[index._documents.Length];
        private readonly Found[] _found = [.. Enumerable.Range(0, Chunks(index._documents.Length)).Select(_ => new Found())];
        private int _first;
        private int[] _localWord = [];
        private int[] _termOf = [];
        private int[] _start = [];
        private int[] _seconds = [];
        private int[] _documents = [];

        /// <summary>How many pairs the sweeps found in all.</summary>
        public long Pairs { get; private set; }

        /// <summary>Finds the pairs of the terms from <paramref name="first"/> to before <paramref name="end"/>, in place of
        /// the last range's.</summary>
        public void Sweep(int first, int end)
        {
            _first = first;
            var n = index._documents.Length;
            var terms = end - first;
            var (from, to) = (index._termStart[first], index._termStart[end]);

            // The range's postings by article (a counting sort), each as its word in the article and its term.
            var articleStart = _articleStart;
            Array.Clear(articleStart);
            for (var p = from; p < to; p++)
            {
                articleStart[index._postingDocument[p] + 1]++;
            }

            for (var d = 0; d < n; d++)
            {
                articleStart[d + 1] += articleStart[d];
            }

            var next = _next;
            Array.Copy(articleStart, next, n);
            (_localWord, _termOf) = (AtLeast(_localWord, to - from), AtLeast(_termOf, to - from));
            var (localWord, termOf) = (_localWord, _termOf);
            for (var t = first; t < end; t++)
            {
                for (var p = index._termStart[t]; p < index._termStart[t + 1]; p++)
                {
                    var at = next[index._postingDocument[p]]++;
                    (localWord[at], termOf[at]) = (index._postingWord[p], t - first);
                }
            }

            // Chunks of articles walked on every core, each chunk's pairs in article order; joined in chunk order.
            var chunks = _found.Length;
            Parallel.For(0, chunks, c =>
            {
                var own = _found[c];
                // Made at about the size the range needs (an article has some seven pairs per word), not grown to it.
                own.Clear(terms, (int)Math.Min(int.MaxValue / 2, 8L * (to - from) / chunks));
                for (var d = ChunkStart(n, c, chunks); d < ChunkStart(n, c + 1, chunks); d++)
                {
                    if (articleStart[d] == articleStart[d + 1])
                    {
                        continue;
                    }

                    var document = index._documents[d];
                    var words = document.Words;
                    own.Seen(words.Length);
                    for (var at = articleStart[d]; at < articleStart[d + 1]; at++)
                    {
                        // An article lists a pair once: a follower met again after the same word is skipped.
                        var stamp = own.Stamp();
                        foreach (var occurrence in document.OccurrencesOf(localWord[at]))
                        {
                            if (occurrence >> ParsedDocument.FieldBits is var following and > 0 && own.First(following - 1, stamp))
                            {
                                own.Add(termOf[at], index._rank[words[following - 1]], d);
                            }
                        }
                    }
                }
            });

            // Each term's pairs start where the last term's end, chunk after chunk: each chunk's first place for each
            // term is known before any is placed, so the chunks are placed on every core (at 100,000 articles the
            // sweeps find 62 million pairs, which one core placed while the other waited).
            _start = AtLeast(_start, terms + 1);
            _start[0] = 0;
            for (var t = 0; t < terms; t++)
            {
                var at = _start[t];
                foreach (var own in _found)
                {
                    own.Place[t] = at;
                    at += own.Counts[t];
                }

                _start[t + 1] = at;
            }

            (_seconds, _documents) = (AtLeast(_seconds, _start[terms]), AtLeast(_documents, _start[terms]));
            var (seconds, documents) = (_seconds, _documents);
            Parallel.For(0, chunks, c =>
            {
                var own = _found[c];
                var place = own.Place;
                for (var i = 0; i < own.Length; i++)
                {
                    var at = place[own.Terms[i]]++;
                    (seconds[at], documents[at]) = (own.Seconds[i], own.Documents[i]);
                }
            });

            Pairs += _start[terms];
        }

        /// <summary>The words following term <paramref name="term"/> (of the last range swept), once per article, in
        /// article order.</summary>
        public ReadOnlySpan<int> SecondsOf(int term) => _seconds.AsSpan(_start[term - _first], _start[term - _first + 1] - _start[term - _first]);

        /// <summary>The article of each of <see cref="SecondsOf"/>.</summary>
        public ReadOnlySpan<int> DocumentsOf(int term) => _documents.AsSpan(_start[term - _first], _start[term - _first + 1] - _start[term - _first]);

        // Every buffer is written before it is read (or cleared where counted): made without zeroing it first.
        private static int[] AtLeast(int[] array, int length) => array.Length >= length ? array : GC.AllocateUninitializedArray<int>(Math.Max(length, array.Length * 2));

        /// <summary>One chunk's pairs as they were met (term in the range, following word, article), and which followers
        /// of the word being walked were met already.</summary>
        private sealed class Found
        {
            private int[] _seen = [];
            private int _stamp;

            public int[] Counts { get; private set; } = [];

            /// <summary>Where this chunk's next pair of each term goes among the range's pairs.</summary>
            public int[] Place { get; private set; } = [];

            public int[] Terms { get; private set; } = [];

            public int[] Seconds { get; private set; } = [];

            public int[] Documents { get; private set; } = [];

            public int Length { get; private set; }

            public void Clear(int terms, int pairs)
            {
                if (Terms.Length < pairs)
                {
                    (Terms, Seconds, Documents) = (GC.AllocateUninitializedArray<int>(pairs), GC.AllocateUninitializedArray<int>(pairs), GC.AllocateUninitializedArray<int>(pairs));
                }

                (Counts, Place) = (AtLeast(Counts, terms), AtLeast(Place, terms));
                Array.Clear(Counts, 0, terms);
                Length = 0;
            }

            /// <summary>Makes room to mark the local words of an article of <paramref name="words"/> words.</summary>
            public void Seen(int words)
            {
                if (_seen.Length < words)
                {
                    (_seen, _stamp) = (new int[Math.Max(words, _seen.Length * 2)], 0);
                }
            }

            /// <summary>A mark no local word has yet.</summary>
            public int Stamp()
            {
                if (_stamp == int.MaxValue)
                {
                    Array.Clear(_seen);
                    _stamp = 0;
                }

                return ++_stamp;
            }

            /// <summary>Marks local word <paramref name="word"/> with <paramref name="stamp"/>; false when it had it.</summary>
            public bool First(int word, int stamp)
            {
                if (_seen[word] == stamp)
                {
                    return false;
                }

                _seen[word] = stamp;
                return true;
            }

            public void Add(int term, int second, int document)
            {
                if (Length == Terms.Length)
                {
                    var size = Math.Max(4096, Length * 2);
                    (Terms, Seconds, Documents) = (Grown(Terms, size), Grown(Seconds, size), Grown(Documents, size));
                }

                (Terms[Length], Seconds[Length], Documents[Length]) = (term, second, document);
                Counts[term]++;
                Length++;
            }

            private int[] Grown(int[] array, int size)
            {
                var grown = GC.AllocateUninitializedArray<int>(size);
                array.AsSpan(0, Length).CopyTo(grown);
                return grown;
            }
        }
    }
}
