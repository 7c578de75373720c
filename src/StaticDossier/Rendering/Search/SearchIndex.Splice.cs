namespace StaticDossier.Rendering.Search;

/// <summary>The index of a save in <c>serve</c>, made from the last one: a term none of the changed articles has keeps
/// its postings as a block copy, and a term one of them has or had gets them spliced in or out. The arrays come out
/// exactly as a whole build fills them (terms in ordinal order, postings in document order), in a few milliseconds
/// instead of a pass over every posting.</summary>
internal sealed partial class SearchIndex
{
    /// <summary>A build with more than one in this many articles changed (a date edit moving an article far shifts every
    /// id between) is made whole: splicing would touch most terms anyway.</summary>
    private const int SpliceShare = 8;

    private static SearchIndex? Splice(SearchIndex last, ParsedDocument[] documents, double[] averages, Memo memo)
    {
        var old = last._documents;
        if (old.Length != documents.Length || memo.Frequency is null)
        {
            return null;
        }

        var changed = new List<int>();
        for (var d = 0; d < documents.Length && changed.Count * SpliceShare <= documents.Length; d++)
        {
            if (!ReferenceEquals(old[d], documents[d]))
            {
                changed.Add(d);
            }
        }

        if (changed.Count * SpliceShare > documents.Length)
        {
            return null;
        }

        memo.Spliced++;
        if (changed.Count == 0)
        {
            return last;
        }

        var vocabulary = memo.Vocabulary;
        var frequency = memo.Frequency;
        if (frequency.Length < vocabulary.FoldedCount)
        {
            Array.Resize(ref frequency, vocabulary.FoldedCount);
            memo.Frequency = frequency;
        }

        // Per word a changed article has or had: which of them it leaves, and where it comes in (document, word of it).
        var touched = new Dictionary<int, (List<int> Gone, List<(int Document, int Word)> Added)>();
        foreach (var d in changed)
        {
            foreach (var word in old[d].Words)
            {
                frequency[word]--;
                Touched(touched, word).Gone.Add(d);
            }

            var words = documents[d].Words;
            for (var w = 0; w < words.Length; w++)
            {
                frequency[words[w]]++;
                Touched(touched, words[w]).Added.Add((d, w));
            }
        }

        // The same words in use: the same terms. Otherwise the vocabulary sorts the words in use again.
        var (terms, rank, foldedOf) = (last.Words, last._rank, last._foldedOf);
        if (touched.Keys.Any(word => last.HasTerm(word) != frequency[word] > 0))
        {
            (terms, rank, foldedOf) = vocabulary.SortedWords(Array.ConvertAll(frequency, n => n > 0));
        }

        var termStart = new int[terms.Length + 1];
        for (var t = 0; t < terms.Length; t++)
        {
            var word = foldedOf[t];
            var count = last.HasTerm(word) ? last.PostingCount(last._rank[word]) : 0;
            if (touched.TryGetValue(word, out var change))
            {
                count += change.Added.Count - change.Gone.Count;
            }

            termStart[t + 1] = termStart[t] + count;
        }

        var total = termStart[^1];
        var arrays = Postings.Room(memo, total);
        var run = new Run(last, arrays);
        for (var t = 0; t < terms.Length; t++)
        {
            var word = foldedOf[t];
            var (from, to) = last.HasTerm(word) ? (last._termStart[last._rank[word]], last._termStart[last._rank[word] + 1]) : (0, 0);
            if (!touched.TryGetValue(word, out var change))
            {
                run.Copy(from, to, termStart[t]);
                continue;
            }

            run.Flush();
            var at = termStart[t];
            var gone = 0;
            var position = from;
            foreach (var (d, w) in change.Added)
            {
                // The kept postings before this document, less those of changed articles that no longer have the word.
                var until = LowerBound(last._postingDocument, position, to, d);
                at = CopyKept(last, arrays, position, until, change.Gone, ref gone, at);
                position = until < to && last._postingDocument[until] == d ? until + 1 : until;
                var (packed, only) = documents[d].PostingFields();
                (arrays.Document[at], arrays.Word[at], arrays.Counts[at], arrays.Spelling[at]) = (d, w, packed[w], only[w]);
                at++;
            }

            at = CopyKept(last, arrays, position, to, change.Gone, ref gone, at);
            if (at != termStart[t + 1])
            {
                throw new InvalidOperationException($"Splicing term '{terms[t]}' wrote {at - termStart[t]} postings, not {termStart[t + 1] - termStart[t]}.");
            }
        }

        run.Flush();
        return new SearchIndex(terms, rank, foldedOf, documents, averages, vocabulary.Spellings(), termStart, arrays.Document, arrays.Word, arrays.Counts, arrays.Spelling);
    }

    private static (List<int> Gone, List<(int Document, int Word)> Added) Touched(Dictionary<int, (List<int> Gone, List<(int Document, int Word)> Added)> touched, int word)
    {
        if (!touched.TryGetValue(word, out var change))
        {
            touched[word] = change = ([], []);
        }

        return change;
    }

    /// <summary>Whether the folded word <paramref name="word"/> was a term of this index.</summary>
    private bool HasTerm(int word) => word < _rank.Length && Words.Length > 0 && _foldedOf[_rank[word]] == word;

    /// <summary>Copies the postings <paramref name="from"/>..<paramref name="to"/> of <paramref name="last"/> to
    /// <paramref name="at"/>, less those of the articles in <paramref name="gone"/> (which had the word: each has a posting
    /// here; in document order, from <paramref name="next"/> on).</summary>
    private static int CopyKept(SearchIndex last, Postings arrays, int from, int to, List<int> gone, ref int next, int at)
    {
        var documents = last._postingDocument;
        while (from < to)
        {
            while (next < gone.Count && gone[next] < documents[from])
            {
                next++;
            }

            if (next < gone.Count && gone[next] == documents[from])
            {
                (from, next) = (from + 1, next + 1);
                continue;
            }

            var end = next < gone.Count ? LowerBound(documents, from, to, gone[next]) : to;
            arrays.CopyFrom(last, from, end - from, at);
            (at, from) = (at + end - from, end);
        }

        return at;
    }

    private static int LowerBound(int[] documents, int from, int to, int document)
    {
        var (low, high) = (from, to);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (documents[middle] < document)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The four posting arrays of an index being spliced (the postings fill the first ones; the rest is room).</summary>
    internal sealed record Postings(int[] Document, int[] Word, int[] Counts, int[] Spelling)
    {
        /// <summary>Room for <paramref name="total"/> postings: the arrays of the index before the last one when they are
        /// large enough (nothing reads that index any more), else new ones with a little room to grow. Four arrays of
        /// every posting (13 MiB at 10,000 articles) were new large objects on every save, which only a full collection
        /// gives back.</summary>
        public static Postings Room(Memo memo, int total)
        {
            if (memo.Spare is { } spare && spare.Document.Length >= total)
            {
                memo.Spare = null;
                return spare;
            }

            var room = total + (total / 64);
            return new Postings(
                GC.AllocateUninitializedArray<int>(room),
                GC.AllocateUninitializedArray<int>(room),
                GC.AllocateUninitializedArray<int>(room),
                GC.AllocateUninitializedArray<int>(room));
        }

        public void CopyFrom(SearchIndex last, int from, int count, int at)
        {
            Array.Copy(last._postingDocument, from, Document, at, count);
            Array.Copy(last._postingWord, from, Word, at, count);
            Array.Copy(last._postingCounts, from, Counts, at, count);
            Array.Copy(last._postingSpelling, from, Spelling, at, count);
        }
    }

    /// <summary>Untouched terms whose postings lie one after another in the last index are copied as one block.</summary>
    private sealed class Run(SearchIndex last, Postings arrays)
    {
        private int _from;
        private int _to;
        private int _at;

        public void Copy(int from, int to, int at)
        {
            if (from == _to && at == _at + (_to - _from))
            {
                _to = to;
                return;
            }

            Flush();
            (_from, _to, _at) = (from, to, at);
        }

        public void Flush()
        {
            arrays.CopyFrom(last, _from, _to - _from, _at);
            (_from, _to) = (0, 0);
        }
    }
}
