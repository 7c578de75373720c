using System.Buffers;

namespace StaticDossier.Rendering.Search;

internal sealed partial class SearchIndex
{
    private static readonly ThreadLocal<WordPairs> PairScratch = new(() => new WordPairs());

    /// <summary>The words that follow term <paramref name="term"/> somewhere (as term numbers, ascending), each with
    /// the articles (ascending ids) where it does. Fields and names never run into each other: positions leave a gap.
    /// The answer is this thread's scratch: dispose of it before the thread's next call.</summary>
    public WordPairs PairsOf(int term)
    {
        var pairs = PairScratch.Value!;
        pairs.Fill(this, term);
        return pairs;
    }

    /// <summary>As <see cref="PairsOf(int)"/>, from <paramref name="sweep"/>, which holds term <paramref name="term"/>'s pairs.</summary>
    public WordPairs PairsOf(int term, PairSweep sweep)
    {
        var pairs = PairScratch.Value!;
        pairs.Fill(this, sweep.SecondsOf(term), sweep.DocumentsOf(term));
        return pairs;
    }

    /// <summary>One word's pairs as flat arrays, placed by a counting sort over per-term counts kept per thread: a
    /// dictionary of lists per word (a list per follower) was most of the search output's garbage. The arrays as long
    /// as a word's pairs are rented (a common word's run to megabytes) and given back on <see cref="Dispose"/>.</summary>
    internal sealed class WordPairs : IDisposable
    {
        // Per term, while a word's pairs are made: articles seen following it, then where its articles go; and the last
        // article seen (plus one). Both are back to zero between calls.
        private int[] _count = [];
        private int[] _lastDocument = [];
        private readonly List<int> _seconds = [];
        private int[] _start = [];
        private int[] _documents = [];
        // Each (follower, article) met the first time, in posting order (ascending articles).
        private int[] _metSecond = [];
        private int[] _metDocument = [];

        /// <summary>Gives the rented arrays back.</summary>
        public void Dispose()
        {
            foreach (var array in (int[][])[_start, _documents, _metSecond, _metDocument])
            {
                if (array.Length > 0)
                {
                    ArrayPool<int>.Shared.Return(array);
                }
            }

            (_start, _documents, _metSecond, _metDocument) = ([], [], [], []);
            _seconds.Clear();
        }

        /// <summary>How many words follow.</summary>
        public int Count => _seconds.Count;

        /// <summary>The <paramref name="k"/>-th following word's term number.</summary>
        public int Second(int k) => _seconds[k];

        /// <summary>The articles where the <paramref name="k"/>-th following word follows, ascending.</summary>
        public ReadOnlySpan<int> DocumentsOf(int k) => _documents.AsSpan(_start[k], _start[k + 1] - _start[k]);

        internal void Fill(SearchIndex index, int term)
        {
            Dispose();
            Size(index);
            var met = 0;
            for (var p = index._termStart[term]; p < index._termStart[term + 1]; p++)
            {
                var d = index._postingDocument[p];
                var document = index._documents[d];
                foreach (var occurrence in document.OccurrencesOf(index._postingWord[p]))
                {
                    if (occurrence >> ParsedDocument.FieldBits is not (var next and > 0))
                    {
                        continue;
                    }

                    var second = index._rank[document.Words[next - 1]];
                    // Postings come in document order: an article already listed for this follower was the last one.
                    if (_lastDocument[second] == d + 1)
                    {
                        continue;
                    }

                    _lastDocument[second] = d + 1;
                    if (_count[second]++ == 0)
                    {
                        _seconds.Add(second);
                    }

                    if (met == _metSecond.Length)
                    {
                        _metSecond = Grown(_metSecond, met);
                        _metDocument = Grown(_metDocument, met);
                    }

                    (_metSecond[met], _metDocument[met]) = (second, d);
                    met++;
                }
            }

            foreach (var second in _seconds)
            {
                _lastDocument[second] = 0;
            }

            Place(_metSecond.AsSpan(0, met), _metDocument.AsSpan(0, met));
        }

        /// <summary>As <see cref="Fill(SearchIndex, int)"/>, from a term's pairs found by a <see cref="PairSweep"/>: each
        /// (following word, article) once, articles ascending.</summary>
        internal void Fill(SearchIndex index, ReadOnlySpan<int> seconds, ReadOnlySpan<int> documents)
        {
            Dispose();
            Size(index);
            foreach (var second in seconds)
            {
                if (_count[second]++ == 0)
                {
                    _seconds.Add(second);
                }
            }

            Place(seconds, documents);
        }

        private void Size(SearchIndex index)
        {
            var words = index.Words.Length;
            if (_count.Length < words)
            {
                _count = new int[words];
                _lastDocument = new int[words];
            }

            _seconds.Clear();
        }

        /// <summary>Each (follower, article) met, in ascending articles, placed by follower; <c>_count</c> holds how many
        /// each follower has, and is back to zero after.</summary>
        private void Place(ReadOnlySpan<int> metSecond, ReadOnlySpan<int> metDocument)
        {
            _seconds.Sort();
            _start = ArrayPool<int>.Shared.Rent(_seconds.Count + 1);
            _start[0] = 0;
            _documents = ArrayPool<int>.Shared.Rent(Math.Max(1, metSecond.Length));

            // Each follower's articles placed by a counting sort, which keeps them ascending.
            for (var k = 0; k < _seconds.Count; k++)
            {
                var second = _seconds[k];
                _start[k + 1] = _start[k] + _count[second];
                _count[second] = _start[k];
            }

            for (var m = 0; m < metSecond.Length; m++)
            {
                _documents[_count[metSecond[m]]++] = metDocument[m];
            }

            foreach (var second in _seconds)
            {
                _count[second] = 0;
            }
        }

        private static int[] Grown(int[] array, int used)
        {
            var grown = ArrayPool<int>.Shared.Rent(Math.Max(1024, used * 2));
            array.AsSpan(0, used).CopyTo(grown);
            if (array.Length > 0)
            {
                ArrayPool<int>.Shared.Return(array);
            }

            return grown;
        }
    }
}
